-- People and settings from a screen (design §13).

-- Settings gain `internalDomains`, the org's own mail domains (colleagues never become accounts).
-- An org set up before this defaults to its first admin's domain, as a new one does at setup,
-- unless that is a free-mail provider everyone shares (the list is shared/matching.ts's
-- FREE_MAIL_DOMAINS; test/worker/migrations.test.ts checks they agree).
UPDATE orgs SET settings = json_set(
    CASE WHEN json_valid(settings) AND json_type(settings) = 'object' THEN settings ELSE '{}' END,
    '$.internalDomains',
    json(CASE WHEN d.domain IS NULL OR instr(d.domain, '.') = 0 OR d.domain IN (
  'aol.com', 'fastmail.com', 'fastmail.fm', 'gmail.com', 'googlemail.com', 'gmx.com', 'gmx.de',
  'gmx.net', 'hey.com', 'hotmail.co.uk', 'hotmail.com', 'hotmail.de', 'hotmail.fr', 'icloud.com',
  'live.com', 'mac.com', 'mail.com', 'mail.ru', 'me.com', 'msn.com', 'outlook.com', 'outlook.de',
  'outlook.fr', 'pm.me', 'proton.me', 'protonmail.com', 'qq.com', 't-online.de', 'tutanota.com',
  'web.de', 'yahoo.co.uk', 'yahoo.com', 'yahoo.de', 'yahoo.fr', 'yandex.com', 'yandex.ru',
  'zoho.com'
    ) THEN '[]' ELSE json_array(d.domain) END))
  FROM (SELECT o.id AS org_id,
      (SELECT lower(substr(u.email, instr(u.email, '@') + 1)) FROM users u
        WHERE u.org_id = o.id AND u.role = 'admin' ORDER BY u.created_at, u.id LIMIT 1) AS domain
    FROM orgs o) AS d
  WHERE d.org_id = orgs.id
    AND (CASE WHEN json_valid(orgs.settings) THEN json_type(orgs.settings, '$.internalDomains') END) IS NULL;

-- The people list, by name (GET /api/users, the team page).
CREATE INDEX users_org_name_idx ON users (org_id, name COLLATE NOCASE, id);
-- An org's pending invites, newest first (GET /api/invites).
CREATE INDEX tokens_org_kind_created_idx ON tokens (org_id, kind, created_at);
-- The invites for one email: a new one replaces them, deactivating the person revokes them.
CREATE INDEX tokens_org_kind_email_idx ON tokens (org_id, kind, email);
-- A person's accounts: handed over when they are deactivated; the directory's owner filter.
CREATE INDEX accounts_org_owner_idx ON accounts (org_id, owner_id);
