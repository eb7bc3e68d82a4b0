package dev.collectflow.staff;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamMembershipRepository extends JpaRepository<TeamMembership, Long> {

    List<TeamMembership> findByValidTo(LocalDate validTo);

    List<TeamMembership> findByUserIdOrderByValidFrom(String userId);

    boolean existsByUserId(String userId);
}
