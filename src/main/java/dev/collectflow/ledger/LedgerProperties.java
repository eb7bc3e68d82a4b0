package dev.collectflow.ledger;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code collectflow.ledger.*}: limits of the CSV import, and when a running import counts as cut off. */
@Validated
@ConfigurationProperties("collectflow.ledger")
public record LedgerProperties(
        /* A longer line is rejected without being read. */
        @Min(100) int maxLineBytes,
        /* Files with more invoice lines run in the background; the answer says where to watch their progress. */
        @Min(1) int synchronousLines,
        /* Lines stored in one transaction; when one of them fails, each line of that batch is stored on its own. */
        @Min(1) int batchLines,
        /* A running import that stored no batch for this long was cut off with its node and is marked failed. */
        @NotNull Duration stalledAfter) {
}
