package dev.collectflow.ledger;

import java.time.Instant;
import java.util.List;

/** What an import did so far: counts, progress, and every rejected line with its number and reason. */
public record ImportReport(String id, String state, String mode, String fileName, String startedBy,
                           Instant startedAt, Instant finishedAt, int linesTotal, int linesDone, int imported,
                           int duplicates, int rejectedCount, List<Rejection> rejected, String failure) {

    public record Rejection(int line, String reason) {
    }

    static ImportReport of(LedgerImport i, List<Rejection> rejected) {
        return new ImportReport(i.getId(), i.getState().name(), i.getMode(), i.getFileName(), i.getStartedBy(),
                i.getStartedAt(), i.getFinishedAt(), i.getLinesTotal(), i.getLinesDone(), i.getImported(),
                i.getDuplicates(), i.getRejected(), rejected, i.getFailure());
    }
}
