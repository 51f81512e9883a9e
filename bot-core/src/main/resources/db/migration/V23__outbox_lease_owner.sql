-- Which cluster node holds an outbox item's lease (a Quartz instance id, never a person). When
-- Quartz declares that node dead and drops it from qrtz_scheduler_state, its leases are void at
-- once, so a send cut off by a crash is retried by a survivor within the failure-detection time
-- rather than after the full send lease, when a reminder may already be stale.
ALTER TABLE outbox ADD COLUMN lease_owner VARCHAR(200);
