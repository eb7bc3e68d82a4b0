package dev.collectflow.client;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReminderBlockRepository extends JpaRepository<ReminderBlock, Long> {

    List<ReminderBlock> findByClientIdAndLiftedAtIsNullOrderBySetAtDesc(String clientId);
}
