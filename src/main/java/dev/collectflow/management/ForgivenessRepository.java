package dev.collectflow.management;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ForgivenessRepository extends JpaRepository<Forgiveness, Long> {

    @Query("select coalesce(sum(f.days), 0) from Forgiveness f where f.clientId = ?1 and f.decidedAt > ?2")
    long daysForgivenSince(String clientId, Instant since);

    List<Forgiveness> findByClientIdOrderByDecidedAt(String clientId);
}
