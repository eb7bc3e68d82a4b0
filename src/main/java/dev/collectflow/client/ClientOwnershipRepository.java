package dev.collectflow.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClientOwnershipRepository extends JpaRepository<ClientOwnership, Long> {

    Optional<ClientOwnership> findByClientIdAndValidTo(String clientId, LocalDate validTo);

    List<ClientOwnership> findByClientIdOrderByValidFrom(String clientId);

    boolean existsByOwner(String owner);
}
