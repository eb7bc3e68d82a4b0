package dev.collectflow.invoice;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, String> {

    /** Loads the invoice for a change of its amounts; concurrent payments to one invoice queue up here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.number = ?1")
    Optional<Invoice> findForUpdate(String number);
}
