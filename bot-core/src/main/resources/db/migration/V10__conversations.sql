-- Conversation references that let an adapter post proactively (Teams: one per channel, plus
-- the service URL of each tenant). Channels and tenants only: never a participant's address.
CREATE TABLE conversations (
  platform   VARCHAR(16) NOT NULL,
  address    VARCHAR(512) NOT NULL,
  reference  VARCHAR(8000) NOT NULL,
  PRIMARY KEY (platform, address)
);
