package dev.collectflow.commitment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PromiseToPayRepository extends JpaRepository<PromiseToPay, Long> {

    List<PromiseToPay> findByInvoiceNumberOrderByMadeAtAscIdAsc(String invoiceNumber);
}
