-- Message channels: per channel whether it sends, how fast, and how (SMTP or an HTTP
-- JSON provider). Secrets live in settings and never leave through the API.
CREATE TABLE channel_settings (
  channel TEXT_C PRIMARY KEY,
  enabled INTEGER NOT NULL DEFAULT 0,
  rate_limit_per_second INTEGER NOT NULL DEFAULT 0,
  settings TEXT NOT NULL DEFAULT '{}',
  updated_by TEXT,
  updated_at BIGINT NOT NULL DEFAULT 0
);
INSERT INTO channel_settings (channel, enabled, rate_limit_per_second, settings) VALUES ('email', 0, 20, '{}');
INSERT INTO channel_settings (channel, enabled, rate_limit_per_second, settings) VALUES ('sms', 0, 10, '{}');
INSERT INTO channel_settings (channel, enabled, rate_limit_per_second, settings) VALUES ('push', 0, 50, '{}');
INSERT INTO channel_settings (channel, enabled, rate_limit_per_second, settings) VALUES ('messenger', 0, 10, '{}');
INSERT INTO channel_settings (channel, enabled, rate_limit_per_second, settings) VALUES ('in_app', 1, 0, '{}');
-- Test sends from the template editor are kept apart from real traffic.
ALTER TABLE messages ADD COLUMN is_test INTEGER NOT NULL DEFAULT 0;
-- What was sent (e-mail HTML, SMS text) for "view in browser" and the history.
ALTER TABLE messages ADD COLUMN body TEXT;
