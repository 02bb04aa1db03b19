// The clinic server's schema, as ordered migrations (maps/store/SERVER.md documents the tables
// and roles). Migration N brings the schema from version N-1 to N; each runs in one transaction.
#include "maps/store/schema.h"

namespace bodymap::store {

const std::vector<const char*>& schemaMigrations() {
    static const std::vector<const char*> kMigrations = {
        // 1: clients, visits, every saved version with its figures; live changes.
        R"SQL(
CREATE SCHEMA IF NOT EXISTS bodymap;
CREATE TABLE bodymap.clients (
  id text PRIMARY KEY,
  display_name text NOT NULL,
  client_file text,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE SEQUENCE bodymap.change_seq;
CREATE TABLE bodymap.visits (
  id bigserial PRIMARY KEY,
  client_id text NOT NULL REFERENCES bodymap.clients(id),
  name text NOT NULL,
  visit_time text NOT NULL,
  current_version int NOT NULL,
  change_seq bigint NOT NULL DEFAULT nextval('bodymap.change_seq'),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_id, name));
CREATE TABLE bodymap.visit_versions (
  visit_id bigint NOT NULL REFERENCES bodymap.visits(id),
  version int NOT NULL,
  map text NOT NULL,
  checksum text NOT NULL CHECK (checksum = md5(map)),
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by text NOT NULL DEFAULT current_user,
  drawn_by text NOT NULL,
  therapist text NOT NULL,
  client_name text NOT NULL,
  extent_pct double precision,
  max_intensity int,
  burden double precision,
  wpi int,
  generalized_pain int,
  generalized boolean,
  region_coverage jsonb,
  PRIMARY KEY (visit_id, version));
CREATE VIEW bodymap.visit_summary AS
  SELECT v.id AS visit_id, v.client_id, v.name, v.visit_time, v.current_version, v.change_seq,
         vv.saved_at, vv.saved_by, vv.drawn_by, vv.therapist, vv.client_name, vv.checksum,
         vv.extent_pct, vv.max_intensity, vv.burden, vv.wpi, vv.generalized_pain, vv.generalized,
         vv.region_coverage
  FROM bodymap.visits v JOIN bodymap.visit_versions vv ON vv.visit_id = v.id AND vv.version = v.current_version;
-- Only the visit's id (or 'client'): any role may LISTEN, so nothing about a client goes out.
CREATE FUNCTION bodymap.notify_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('bodymap_changes', NEW.visit_id::text); RETURN NEW; END $$;
CREATE TRIGGER visit_versions_notify AFTER INSERT ON bodymap.visit_versions
  FOR EACH ROW EXECUTE FUNCTION bodymap.notify_version();
CREATE FUNCTION bodymap.notify_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('bodymap_changes', 'client'); RETURN NEW; END $$;
CREATE TRIGGER clients_notify AFTER INSERT OR UPDATE ON bodymap.clients
  FOR EACH ROW EXECUTE FUNCTION bodymap.notify_client();
-- The one way the intake role writes: a new visit (version 1) of an existing client, named
-- p_name or p_name-2, -3, ... when taken. SECURITY DEFINER: the intake role has no privilege
-- on any table; it cannot read what it wrote.
CREATE FUNCTION bodymap.add_visit(p_client text, p_name text, p_visit_time text, p_map text,
                                  p_drawn_by text, p_therapist text, p_client_name text, p_figures jsonb)
  RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE v_id bigint; v_name text := p_name; n int := 1;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM bodymap.clients WHERE id = p_client) THEN
    RAISE EXCEPTION 'no client with the id %', p_client USING ERRCODE = 'P0002';
  END IF;
  LOOP
    INSERT INTO bodymap.visits (client_id, name, visit_time, current_version)
      VALUES (p_client, v_name, p_visit_time, 1) ON CONFLICT (client_id, name) DO NOTHING RETURNING id INTO v_id;
    EXIT WHEN v_id IS NOT NULL;
    n := n + 1;
    IF n > 10000 THEN RAISE EXCEPTION 'no free visit name for %', p_name; END IF;
    v_name := p_name || '-' || n;
  END LOOP;
  INSERT INTO bodymap.visit_versions (visit_id, version, map, checksum, drawn_by, therapist, client_name,
      extent_pct, max_intensity, burden, wpi, generalized_pain, generalized, region_coverage)
    VALUES (v_id, 1, p_map, md5(p_map), p_drawn_by, p_therapist, p_client_name,
      (p_figures->>'extent_pct')::float8, (p_figures->>'max_intensity')::int, (p_figures->>'burden')::float8,
      (p_figures->>'wpi')::int, (p_figures->>'generalized_pain')::int, (p_figures->>'generalized')::boolean,
      p_figures->'regions');
  RETURN v_id;
END $$;
-- The intake's greeting: the name of the one client it was handed, nothing else.
CREATE FUNCTION bodymap.intake_client_name(p_client text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT display_name FROM bodymap.clients WHERE id = p_client $$;
)SQL",
    };
    return kMigrations;
}

std::string roleGrantsSql(const std::string& therapist, const std::string& intake, const std::string& readonly) {
    const std::string t = "\"" + therapist + "\"", i = "\"" + intake + "\"", r = "\"" + readonly + "\"";
    return "REVOKE ALL ON SCHEMA bodymap FROM PUBLIC;\n"
           "REVOKE ALL ON ALL TABLES IN SCHEMA bodymap FROM PUBLIC;\n"
           "REVOKE ALL ON ALL SEQUENCES IN SCHEMA bodymap FROM PUBLIC;\n"
           "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA bodymap FROM PUBLIC;\n"
           "REVOKE CREATE ON SCHEMA public FROM PUBLIC;\n"
           "GRANT USAGE ON SCHEMA bodymap TO " + t + ", " + i + ", " + r + ";\n"
           // Therapists read and add; nothing is ever deleted or changed in place but the
           // visit's pointer to its current version.
           "GRANT SELECT, INSERT ON bodymap.clients, bodymap.visits, bodymap.visit_versions TO " + t + ";\n"
           "GRANT UPDATE (display_name, client_file) ON bodymap.clients TO " + t + ";\n"
           "GRANT UPDATE (visit_time, current_version, change_seq) ON bodymap.visits TO " + t + ";\n"
           "GRANT USAGE ON ALL SEQUENCES IN SCHEMA bodymap TO " + t + ";\n"
           "GRANT SELECT ON ALL TABLES IN SCHEMA bodymap TO " + t + ", " + r + ";\n"
           "GRANT EXECUTE ON FUNCTION bodymap.add_visit(text, text, text, text, text, text, text, jsonb),"
           " bodymap.intake_client_name(text) TO " + t + ", " + i + ";\n"
           // The schema's version, so that any BodyMap can tell whether it fits: not client data.
           "GRANT SELECT ON bodymap.schema_version TO " + i + ";\n";
}

}  // namespace bodymap::store
