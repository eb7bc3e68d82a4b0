package dev.collectflow.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerImportRepository extends JpaRepository<LedgerImport, String> {

    List<LedgerImport> findTop10ByOrderByStartedAtDesc();

    List<LedgerImport> findByState(LedgerImport.State state);
}
