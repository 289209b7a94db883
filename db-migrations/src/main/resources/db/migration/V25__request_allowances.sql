-- Request allowances counted across the servers of a cluster (helix.rate-limit.shared): per caller (user:<name> or
-- key:<id>) and minute since the epoch, how many requests the servers have leased between them.
CREATE TABLE request_allowance (
    caller        VARCHAR(200) NOT NULL,
    epoch_minute  BIGINT       NOT NULL,
    used          INTEGER      NOT NULL,
    CONSTRAINT request_allowance_pk PRIMARY KEY (caller, epoch_minute)
);
