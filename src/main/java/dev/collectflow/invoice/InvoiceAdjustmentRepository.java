package dev.collectflow.invoice;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InvoiceAdjustmentRepository extends JpaRepository<InvoiceAdjustment, Long> {
}
