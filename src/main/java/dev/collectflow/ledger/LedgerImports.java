package dev.collectflow.ledger;

import dev.collectflow.ledger.CsvLines.Line;
import dev.collectflow.ledger.LedgerRegistration.Outcome;
import dev.collectflow.ledger.LedgerRegistration.Result;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.NotFoundException;
import dev.collectflow.system.IntakeDates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a ledger file (CSV with a header) line by line: good lines are registered even when others are bad, a bad
 * line is rejected whole with its number and reason. Lines are stored in batches, each in one transaction; when a
 * batch fails, each of its lines is stored on its own, so one bad line never takes others with it. A large file
 * runs in the background; its progress is stored after every batch.
 */
@Service
public class LedgerImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LedgerImports.class);

    private final LedgerImportRepository imports;
    private final LedgerRegistration registration;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    /** Large imports run one after the other on a thread of their own, beside the requests. */
    private final ThreadPoolTaskExecutor background = new ThreadPoolTaskExecutor();
    private final LedgerProperties properties;
    private final IntakeDates intakeDates;
    private final Clock clock;

    public LedgerImports(LedgerImportRepository imports, LedgerRegistration registration,
                         NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
                         LedgerProperties properties, IntakeDates intakeDates, Clock clock) {
        this.imports = imports;
        this.registration = registration;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.background.setCorePoolSize(1);
        this.background.setMaxPoolSize(1);
        this.background.setThreadNamePrefix("ledger-import-");
        this.background.initialize();
        this.properties = properties;
        this.intakeDates = intakeDates;
        this.clock = clock;
    }

    /**
     * Reads the file's header and starts the import: at once for a small file (the report is complete), in the
     * background for a large one (the report shows it running). A file that cannot be read at all (empty, wrong
     * header, bad mapping) is refused as a whole, naming the field and the reason.
     */
    public ImportReport start(byte[] file, String fileName, ImportMapping mapping, String actor) {
        LedgerFormat format = LedgerFormat.of(mapping == null ? ImportMapping.defaults() : mapping);
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "is empty: send a CSV file with a header line and one invoice a line");
        }
        List<Line> lines = CsvLines.read(file, format.charset, properties.maxLineBytes());
        if (lines.isEmpty()) {
            throw new InvalidInputException("file", "has only blank lines: send a header line and one invoice a line");
        }
        Line headerLine = lines.get(0);
        if (headerLine.problem() != null) {
            throw new InvalidInputException("file", "line " + headerLine.number() + " (the header) " + headerLine.problem());
        }
        CsvFields.Parsed header = CsvFields.parse(headerLine.text(), format.delimiter);
        if (header.problem() != null) {
            throw new InvalidInputException("file", "line " + headerLine.number() + " (the header) " + header.problem());
        }
        Map<String, Integer> positions = format.positions(header.fields());
        List<Line> invoiceLines = List.copyOf(lines.subList(1, lines.size()));

        LedgerImport started = transaction.execute(status -> imports.save(new LedgerImport(UUID.randomUUID().toString(),
                fileName, format.mode.name(), actor, clock.instant(), invoiceLines.size())));
        Runnable work = () -> run(started.getId(), invoiceLines, format, positions, header.fields().size(), actor);
        if (invoiceLines.size() <= properties.synchronousLines()) {
            work.run();
        } else {
            background.execute(work);
        }
        return report(started.getId());
    }

    public ImportReport report(String id) {
        LedgerImport found = imports.findById(id).orElseThrow(() -> new NotFoundException("import", id));
        List<ImportReport.Rejection> rejected = jdbc.query("select line_number, reason from ledger_import_rejection"
                        + " where import_id = :id order by line_number", Map.of("id", id),
                (row, i) -> new ImportReport.Rejection(row.getInt(1), row.getString(2)));
        return ImportReport.of(found, rejected);
    }

    /** The latest imports, without their rejected lines. */
    public List<ImportReport> recent() {
        return imports.findTop10ByOrderByStartedAtDesc().stream().map(i -> ImportReport.of(i, null)).toList();
    }

    /**
     * Every node looks for imports that stopped progressing (their node was stopped or died mid-file) and marks them
     * failed, so nobody waits for a report that never completes.
     */
    @Scheduled(fixedDelayString = "${collectflow.ledger.stall-check-interval:PT1M}")
    public void failStalledImports() {
        Instant now = clock.instant();
        Instant cutOff = now.minus(properties.stalledAfter());
        transaction.executeWithoutResult(status -> imports.findByState(LedgerImport.State.RUNNING).forEach(running -> {
            if (running.interruptIfStalled(cutOff, now)) {
                log.warn("Import {} made no progress since {}: marked failed", running.getId(), running.getProgressedAt());
            }
        }));
    }

    @Override
    public void destroy() {
        background.shutdown();
    }

    private void run(String importId, List<Line> lines, LedgerFormat format, Map<String, Integer> positions,
                     int headerSize, String actor) {
        try {
            for (int from = 0; from < lines.size(); from += properties.batchLines()) {
                List<Line> batch = lines.subList(from, Math.min(lines.size(), from + properties.batchLines()));
                List<Result> results;
                try {
                    results = transaction.execute(status -> importLines(batch, format, positions, headerSize, actor));
                } catch (RuntimeException batchFailed) {
                    log.info("Import {}: a batch failed ({}); storing its lines one by one", importId,
                            batchFailed.getMessage());
                    results = new ArrayList<>();
                    for (Line line : batch) {
                        results.add(importAlone(line, format, positions, headerSize, actor));
                    }
                }
                record(importId, results);
            }
            transaction.executeWithoutResult(status -> imports.findById(importId).orElseThrow().finish(clock.instant()));
        } catch (RuntimeException e) {
            log.error("Import {} failed", importId, e);
            transaction.executeWithoutResult(status -> imports.findById(importId).orElseThrow()
                    .fail(e.getMessage(), clock.instant()));
        }
    }

    /** Reads the lines and registers the good ones; answers what became of each line, in file order. */
    private List<Result> importLines(List<Line> lines, LedgerFormat format, Map<String, Integer> positions,
                                     int headerSize, String actor) {
        List<Result> results = new ArrayList<>();
        List<LedgerLine> readable = new ArrayList<>();
        for (Line line : lines) {
            try {
                if (line.problem() != null) {
                    throw new LineRejected(line.problem());
                }
                CsvFields.Parsed fields = CsvFields.parse(line.text(), format.delimiter);
                if (fields.problem() != null) {
                    throw new LineRejected(fields.problem());
                }
                readable.add(format.read(line.number(), fields.fields(), positions, headerSize, intakeDates));
            } catch (LineRejected rejected) {
                results.add(Result.rejected(line.number(), rejected.getMessage()));
            }
        }
        results.addAll(registration.register(readable, format.createClients, actor));
        results.sort(java.util.Comparator.comparingInt(Result::line));
        return results;
    }

    private Result importAlone(Line line, LedgerFormat format, Map<String, Integer> positions, int headerSize,
                               String actor) {
        try {
            return transaction.execute(status -> importLines(List.of(line), format, positions, headerSize, actor)).get(0);
        } catch (InvalidInputException | dev.collectflow.system.ConflictException refused) {
            return Result.rejected(line.number(), refused.getMessage());
        } catch (RuntimeException failed) {
            log.warn("Import line {} could not be stored", line.number(), failed);
            return Result.rejected(line.number(), "could not be stored: " + failed.getClass().getSimpleName());
        }
    }

    private void record(String importId, List<Result> results) {
        int imported = (int) results.stream().filter(r -> r.outcome() == Outcome.IMPORTED).count();
        int duplicates = (int) results.stream().filter(r -> r.outcome() == Outcome.DUPLICATE).count();
        List<Result> rejected = results.stream().filter(r -> r.rejection() != null).toList();
        transaction.executeWithoutResult(status -> {
            imports.findById(importId).orElseThrow()
                    .progress(results.size(), imported, duplicates, rejected.size(), clock.instant());
            jdbc.batchUpdate("insert into ledger_import_rejection (import_id, line_number, reason)"
                    + " values (:id, :line, :reason)", rejected.stream().map(r -> new MapSqlParameterSource()
                            .addValue("id", importId).addValue("line", r.line())
                            .addValue("reason", r.rejection().length() > 2000 ? r.rejection().substring(0, 2000)
                                    : r.rejection()))
                    .toArray(SqlParameterSource[]::new));
        });
    }
}
