package dev.collectflow.payment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, String> {

    List<Payment> findByInvoiceNumberAndMatchedFalseOrderByReceivedAt(String invoiceNumber);

    List<Payment> findByMatchedFalseOrderByReceivedAt();
}
