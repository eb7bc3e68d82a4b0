package dev.collectflow.commitment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InstalmentRepository extends JpaRepository<Instalment, Long> {

    List<Instalment> findByPlanIdOrderByInstalmentNo(Long planId);
}
