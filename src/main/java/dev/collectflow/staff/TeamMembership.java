package dev.collectflow.staff;

import dev.collectflow.system.Validity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** The sales team a person belonged to from one day (inclusive) to another (exclusive). */
@Entity
public class TeamMembership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String userId;
    private String teamId;
    private LocalDate validFrom;
    private LocalDate validTo;

    protected TeamMembership() {
    }

    TeamMembership(String userId, String teamId, LocalDate validFrom) {
        this.userId = userId;
        this.teamId = teamId;
        this.validFrom = validFrom;
        this.validTo = Validity.STILL;
    }

    void end(LocalDate day) {
        validTo = day;
    }

    void replaceTeam(String teamId) {
        this.teamId = teamId;
    }

    public String getUserId() { return userId; }
    public String getTeamId() { return teamId; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
}
