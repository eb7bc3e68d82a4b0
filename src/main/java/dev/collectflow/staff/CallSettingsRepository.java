package dev.collectflow.staff;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CallSettingsRepository extends JpaRepository<CallSettings, String> {
}
