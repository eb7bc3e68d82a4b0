package dev.collectflow.staff;

import dev.collectflow.system.Groups;
import dev.collectflow.system.Validity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which sales team each person was in, when. Teams live in Camunda's identity service (groups of type team), which
 * keeps no history; this service compares them with what it recorded and writes down each change from the day it is
 * seen. It runs before figures are computed, so a change made in Camunda Admin counts from that day. Somebody in
 * several teams counts for the first by id. The first team a person is seen in counts since ever.
 */
@Service
public class TeamHistory {

    private static final Logger log = LoggerFactory.getLogger(TeamHistory.class);

    private final TeamMembershipRepository memberships;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    public TeamHistory(TeamMembershipRepository memberships, IdentityService identity,
                       PlatformTransactionManager transactions, Clock clock,
                       @Value("${collectflow.time-zone}") ZoneId zone) {
        this.memberships = memberships;
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = zone;
    }

    /** Brings the recorded history up to the teams as they are now. */
    public void update() {
        try {
            transaction.executeWithoutResult(status -> record(currentTeams()));
        } catch (DataIntegrityViolationException concurrent) {
            log.debug("Another node recorded the same team change first: {}", concurrent.getMessage());
        }
    }

    public List<TeamMembership> of(String userId) {
        return memberships.findByUserIdOrderByValidFrom(userId);
    }

    private Map<String, String> currentTeams() {
        Map<String, String> teamOf = new HashMap<>();
        for (Group team : identity.createGroupQuery().groupType(Groups.TEAM_TYPE).orderByGroupId().asc().list()) {
            for (User member : identity.createUserQuery().memberOfGroup(team.getId()).list()) {
                teamOf.putIfAbsent(member.getId(), team.getId());
            }
        }
        return teamOf;
    }

    private void record(Map<String, String> teamOf) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, String> unrecorded = new HashMap<>(teamOf);
        for (TeamMembership open : memberships.findByValidTo(Validity.STILL)) {
            String team = teamOf.get(open.getUserId());
            if (open.getTeamId().equals(team)) {
                unrecorded.remove(open.getUserId());
            } else if (open.getValidFrom().equals(today) && team != null) {
                open.replaceTeam(team); // changed twice today: the last team holds
                unrecorded.remove(open.getUserId());
            } else if (open.getValidFrom().equals(today)) {
                memberships.delete(open);
            } else {
                open.end(today);
            }
        }
        memberships.flush();
        unrecorded.forEach((user, team) -> memberships.save(new TeamMembership(user, team,
                memberships.existsByUserId(user) ? today : Validity.SINCE_EVER)));
    }
}
