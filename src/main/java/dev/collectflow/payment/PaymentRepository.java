package dev.collectflow.payment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentRepository extends JpaRepository<Payment, String> {

    /**
     * The payments that named this invoice before it was registered, oldest first. Asked at every registration, so
     * declared: its parsed form is cached, where a derived query is built anew on each call.
     */
    @Query("select p from Payment p where p.invoiceNumber = :invoiceNumber and p.matched = false order by p.receivedAt")
    List<Payment> waitingFor(@Param("invoiceNumber") String invoiceNumber);

    List<Payment> findByMatchedFalseOrderByReceivedAt();
}
