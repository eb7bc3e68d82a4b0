package dev.collectflow.finance;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DisputeResolutionRepository extends JpaRepository<DisputeResolution, Long> {

    Optional<DisputeResolution> findFirstByInvoiceNumberOrderByDecidedAtDescIdDesc(String invoiceNumber);
}
