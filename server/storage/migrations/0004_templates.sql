-- The message library: templates per channel with every saved version kept.
CREATE TABLE templates (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  channel TEXT NOT NULL,
  name TEXT NOT NULL,
  folder TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]',
  content TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_by TEXT,
  updated_by TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX templates_channel ON templates (channel, updated_at);

CREATE TABLE template_versions (
  id ID_PK,
  template_id BIGINT NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  author TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (template_id, version)
);
