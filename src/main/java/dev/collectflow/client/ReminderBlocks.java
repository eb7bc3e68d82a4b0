package dev.collectflow.client;

import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.NotFoundException;
import dev.collectflow.system.PlainText;
import dev.collectflow.system.Violation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets, lifts and answers reminder blocks; one block holds per client at a time (a new one replaces it). */
@Service
public class ReminderBlocks {

    private static final int MAX_REASON = 2000;

    private final ReminderBlockRepository blocks;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    public ReminderBlocks(ReminderBlockRepository blocks, EntityManager entityManager, ApplicationEventPublisher events,
                          Clock clock, @Value("${collectflow.time-zone}") ZoneId zone) {
        this.blocks = blocks;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** The block that holds for the client today, if any. */
    @Transactional(readOnly = true)
    public Optional<ReminderBlock> active(String clientId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return blocks.findByClientIdAndLiftedAtIsNullOrderBySetAtDesc(clientId).stream()
                .filter(block -> block.holdsOn(today))
                .findFirst();
    }

    @Transactional
    public ReminderBlock set(String clientId, String reason, LocalDate endsOn, String actor) {
        String text = reason == null ? null : reason.strip();
        List<Violation> violations = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            violations.add(new Violation("reason", "is required"));
        } else if (text.length() > MAX_REASON) {
            violations.add(new Violation("reason", "must not be longer than " + MAX_REASON + " characters"));
        } else if (!PlainText.isPlain(text, true)) {
            violations.add(new Violation("reason", PlainText.problem(text, true)));
        }
        if (endsOn == null) {
            violations.add(new Violation("endsOn", "is required"));
        } else if (endsOn.isBefore(LocalDate.now(clock.withZone(zone)))) {
            violations.add(new Violation("endsOn", "must not be in the past"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Client client = lockClient(clientId);
        liftAll(client.getId(), actor);
        ReminderBlock block = blocks.save(new ReminderBlock(client.getId(), text, endsOn, actor, clock.instant()));
        events.publishEvent(new ReminderBlockChanged(client.getId(), actor, text, endsOn));
        return block;
    }

    /** Lifts the client's block; answers whether there was one. */
    @Transactional
    public boolean lift(String clientId, String actor) {
        Client client = lockClient(clientId);
        boolean lifted = liftAll(client.getId(), actor);
        if (lifted) {
            events.publishEvent(new ReminderBlockChanged(client.getId(), actor, null, null));
        }
        return lifted;
    }

    private boolean liftAll(String clientId, String actor) {
        List<ReminderBlock> open = blocks.findByClientIdAndLiftedAtIsNullOrderBySetAtDesc(clientId);
        open.forEach(block -> block.lift(actor, clock.instant()));
        return !open.isEmpty();
    }

    /** Changes to one client's block queue up on the client. */
    private Client lockClient(String clientId) {
        Client client = entityManager.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            throw new NotFoundException("client", clientId);
        }
        return client;
    }
}
