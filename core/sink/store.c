/* store.c - the SQLite store (see store.h). */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"

static const char schema[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA cache_size=-32768;"
    "PRAGMA temp_store=MEMORY;"
    "PRAGMA foreign_keys=ON;"
    "CREATE TABLE IF NOT EXISTS runs("
    " id INTEGER PRIMARY KEY, started TEXT, finished TEXT, letters INTEGER,"
    " items INTEGER, failed INTEGER, flagged_items INTEGER, findings INTEGER,"
    " status TEXT);"
    "CREATE TABLE IF NOT EXISTS letters("
    " id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT,"
    " run_id INTEGER REFERENCES runs(id), ok INTEGER, error TEXT,"
    " layout TEXT, bytes INTEGER, case_number TEXT, date_injury TEXT,"
    " date_decision TEXT, date_ur_denial TEXT, date_assigned TEXT,"
    " date_application TEXT, priority TEXT, specialty TEXT, licensure TEXT,"
    " truncated INTEGER, items INTEGER, flagged_items INTEGER,"
    " rule_errors INTEGER, specialty_group TEXT);"
    "CREATE TABLE IF NOT EXISTS items("
    " id INTEGER PRIMARY KEY,"
    " letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,"
    " idx INTEGER, service TEXT, category TEXT, outcome TEXT,"
    " conclusion TEXT, guideline_ca TEXT, guideline_maximus TEXT,"
    " line INTEGER, cited TEXT, flagged INTEGER, pack TEXT,"
    " UNIQUE(letter_id, idx));"
    "CREATE TABLE IF NOT EXISTS facts("
    " id INTEGER PRIMARY KEY,"
    " item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
    " criterion TEXT, status TEXT, contradicted INTEGER, value TEXT,"
    " pack TEXT, how TEXT, UNIQUE(item_id, criterion));"
    "CREATE TABLE IF NOT EXISTS findings("
    " id INTEGER PRIMARY KEY,"
    " item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
    " rule TEXT, kind TEXT, criterion TEXT, severity TEXT, message TEXT,"
    " counterparts TEXT, pack TEXT);"
    "CREATE TABLE IF NOT EXISTS evidence("
    " id INTEGER PRIMARY KEY,"
    " fact_id INTEGER REFERENCES facts(id) ON DELETE CASCADE,"
    " finding_id INTEGER REFERENCES findings(id) ON DELETE CASCADE,"
    " role TEXT, section TEXT, start INTEGER, end INTEGER, text TEXT);"
    "CREATE TABLE IF NOT EXISTS paths("
    " path TEXT PRIMARY KEY,"
    " letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL,"
    " run_id INTEGER REFERENCES runs(id));"
    "CREATE TABLE IF NOT EXISTS seen("
    " id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id),"
    " path TEXT,"
    " letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL);"
    "CREATE INDEX IF NOT EXISTS seen_run ON seen(run_id, path);"
    "CREATE INDEX IF NOT EXISTS seen_letter ON seen(letter_id);"
    "CREATE INDEX IF NOT EXISTS paths_letter ON paths(letter_id);"
    "CREATE INDEX IF NOT EXISTS items_letter ON items(letter_id);"
    "CREATE INDEX IF NOT EXISTS facts_item ON facts(item_id);"
    "CREATE INDEX IF NOT EXISTS findings_item ON findings(item_id);"
    "CREATE INDEX IF NOT EXISTS evidence_fact ON evidence(fact_id);"
    "CREATE INDEX IF NOT EXISTS evidence_finding ON evidence(finding_id);"
    "CREATE INDEX IF NOT EXISTS letters_path ON letters(path);";

enum {
  S_OLD,
  S_LETTER,
  S_ID,
  S_CLEAR,
  S_PATH,
  S_SEEN,
  S_STALE,
  S_ITEM,
  S_FACT,
  S_FINDING,
  S_EV,
  S_ITEM_OF,
  S_N
};

static const char *const sql[S_N] = {
    "SELECT letter_id FROM paths WHERE path=?1",
    "INSERT INTO letters(sha256,path,run_id,ok,error,layout,bytes,"
    "case_number,date_injury,date_decision,date_ur_denial,date_assigned,"
    "date_application,priority,specialty,licensure,truncated,items,"
    "flagged_items,rule_errors,specialty_group) VALUES(?1,?2,?3,?4,?5,?6,?7,"
    "?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21) "
    "ON CONFLICT(sha256) DO UPDATE SET "
    "path=excluded.path,run_id=excluded.run_id,ok=excluded.ok,"
    "error=excluded.error,layout=excluded.layout,bytes=excluded.bytes,"
    "case_number=excluded.case_number,date_injury=excluded.date_injury,"
    "date_decision=excluded.date_decision,"
    "date_ur_denial=excluded.date_ur_denial,"
    "date_assigned=excluded.date_assigned,"
    "date_application=excluded.date_application,"
    "priority=excluded.priority,specialty=excluded.specialty,"
    "licensure=excluded.licensure,truncated=excluded.truncated,"
    "items=excluded.items,flagged_items=excluded.flagged_items,"
    "rule_errors=excluded.rule_errors,"
    "specialty_group=excluded.specialty_group",
    "SELECT id FROM letters WHERE sha256=?1",
    "DELETE FROM items WHERE letter_id=?1",
    "INSERT INTO paths(path,letter_id,run_id) VALUES(?1,?2,?3) "
    "ON CONFLICT(path) DO UPDATE SET letter_id=excluded.letter_id,"
    "run_id=excluded.run_id",
    "INSERT INTO seen(run_id,path,letter_id) VALUES(?1,?2,?3)",
    "DELETE FROM letters WHERE id=?1 AND NOT EXISTS "
    "(SELECT 1 FROM paths WHERE letter_id=?1)",
    "INSERT INTO items(letter_id,idx,service,category,outcome,conclusion,"
    "guideline_ca,guideline_maximus,line,cited,flagged,pack) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    "INSERT INTO facts(item_id,criterion,status,contradicted,value,pack,how) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7)",
    "INSERT INTO findings(item_id,rule,kind,criterion,severity,message,"
    "counterparts,pack) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
    "INSERT INTO evidence(fact_id,finding_id,role,section,start,end,text) "
    "VALUES(?1,?2,?3,?4,?5,?6,?7)",
    "SELECT items.id FROM items JOIN seen ON seen.letter_id=items.letter_id "
    "WHERE seen.path=?1 AND seen.run_id=?2 AND items.idx=?3",
};

struct ir_store {
  sqlite3 *db;
  sqlite3_stmt *st[S_N];
  sqlite3_int64 run;
  int in_tx;
  int dead; /* a write failed (disk full...): reported once, nothing more
               is stored, the run ends as failed */
  const char *path;
};

static int fail(ir_store *s, const char *what) {
  if (!s->dead)
    fprintf(stderr, "imraudit: %s: %s: %s; no more letters are stored\n",
            s->path, what, sqlite3_errmsg(s->db));
  s->dead = 1;
  return -1;
}

static int exec(ir_store *s, const char *q) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, q, NULL, NULL, &msg) != SQLITE_OK) {
    if (!s->dead)
      fprintf(stderr, "imraudit: %s: %s; no more letters are stored\n", s->path,
              msg ? msg : "error");
    s->dead = 1;
    sqlite3_free(msg);
    return -1;
  }
  return 0;
}

static void now_iso(char *buf, size_t n) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Schema version 2 (PRAGMA user_version; stores before it say 0): the
 * guideline pack of each row, items.pack, facts.pack, findings.pack (NULL:
 * no pack covers the item), and facts.how. A store of version 0 gains the
 * columns (its old rows keep NULL there); a newer store is refused. */
#define SCHEMA_VERSION 2

static int migrate(ir_store *s, char *err, size_t errlen) {
  sqlite3_stmt *st = NULL;
  int v = 0;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) ==
          SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (v > SCHEMA_VERSION) {
    snprintf(err, errlen,
             "%s: database schema version %d is newer than this imraudit's "
             "(%d)",
             s->path, v, SCHEMA_VERSION);
    return -1;
  }
  if (v == SCHEMA_VERSION)
    return 0;
  /* each ALTER fails harmlessly where the table was made with the column */
  static const char *const add[] = {
      "ALTER TABLE items ADD COLUMN pack TEXT",
      "ALTER TABLE facts ADD COLUMN pack TEXT",
      "ALTER TABLE facts ADD COLUMN how TEXT",
      "ALTER TABLE findings ADD COLUMN pack TEXT"};
  for (size_t i = 0; i < sizeof add / sizeof *add; i++)
    sqlite3_exec(s->db, add[i], NULL, NULL, NULL);
  char q[64];
  snprintf(q, sizeof q, "PRAGMA user_version=%d", SCHEMA_VERSION);
  char *msg = NULL;
  if (sqlite3_exec(s->db, q, NULL, NULL, &msg) != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", s->path, msg ? msg : "cannot migrate");
    sqlite3_free(msg);
    return -1;
  }
  return 0;
}

ir_store *ir_store_open(const char *path, char *err, size_t errlen) {
  ir_store *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  s->path = path;
  if (sqlite3_open(path, &s->db) != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", path,
             s->db ? sqlite3_errmsg(s->db) : "cannot open");
    ir_store_close(s);
    return NULL;
  }
  sqlite3_busy_timeout(s->db, 5000);
  char *msg = NULL;
  if (sqlite3_exec(s->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
    snprintf(err, errlen, "%s: %s", path, msg ? msg : "cannot create schema");
    sqlite3_free(msg);
    ir_store_close(s);
    return NULL;
  }
  /* a store made before letters.specialty_group: add the column */
  sqlite3_exec(s->db, "ALTER TABLE letters ADD COLUMN specialty_group TEXT",
               NULL, NULL, NULL);
  if (migrate(s, err, errlen) != 0) {
    ir_store_close(s);
    return NULL;
  }
  for (int i = 0; i < S_N; i++)
    if (sqlite3_prepare_v2(s->db, sql[i], -1, &s->st[i], NULL) != SQLITE_OK) {
      snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(s->db));
      ir_store_close(s);
      return NULL;
    }
  /* databases made before runs.status: add the column (an error when it
   * is there already, ignored) */
  sqlite3_exec(s->db, "ALTER TABLE runs ADD COLUMN status TEXT", NULL, NULL,
               NULL);
  char ts[32], q[128];
  now_iso(ts, sizeof ts);
  snprintf(q, sizeof q,
           "INSERT INTO runs(started,status) VALUES('%s','running')", ts);
  if (exec(s, q) != 0) {
    snprintf(err, errlen, "%s: cannot start a run", path);
    ir_store_close(s);
    return NULL;
  }
  s->run = sqlite3_last_insert_rowid(s->db);
  return s;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v) {
  if (v)
    sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(st, i);
}

static int step(ir_store *s, sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : fail(s, what);
}

static int put_evidence(ir_store *s, sqlite3_int64 fact, sqlite3_int64 find,
                        const char *role, const ir_evlist *ev) {
  sqlite3_stmt *st = s->st[S_EV];
  for (size_t i = 0; i < ev->n; i++) {
    const ir_evidence *e = &ev->v[i];
    if (fact)
      sqlite3_bind_int64(st, 1, fact);
    if (find)
      sqlite3_bind_int64(st, 2, find);
    bind_text(st, 3, role);
    bind_text(st, 4, ir_section_name(e->section));
    sqlite3_bind_int64(st, 5, (sqlite3_int64)e->start);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)e->end);
    bind_text(st, 7, e->text);
    if (step(s, st, "evidence") != 0)
      return -1;
  }
  return 0;
}

static void join_list(ir_buf *b, const ir_strlist *l) {
  for (size_t i = 0; i < l->n; i++) {
    if (i)
      ir_buf_putc(b, ';');
    ir_buf_puts(b, l->v[i] ? l->v[i] : "");
  }
}

/* value: a number, a word, or list classes ";"-joined, by the criterion's
 * kind (a list value is written whatever the kind, as before packs). */
static int put_fact(ir_store *s, sqlite3_int64 item, const ir_item *it,
                    size_t c) {
  sqlite3_stmt *st = s->st[S_FACT];
  const ir_crit_def *d = &it->pack->crit[c];
  const ir_fact *f = &it->facts[c];
  ir_buf v = {0};
  if (d->kind == IR_VAL_LIST || f->list.n)
    join_list(&v, &f->list);
  else if (d->kind == IR_VAL_STRING && f->has_value && f->svalue)
    ir_buf_puts(&v, f->svalue);
  else if (f->has_value)
    ir_buf_printf(&v, "%ld%s", f->ivalue, f->half ? ".5" : "");
  sqlite3_bind_int64(st, 1, item);
  bind_text(st, 2, d->id);
  bind_text(st, 3, ir_status_name(f->status));
  sqlite3_bind_int(st, 4, f->contradicted);
  bind_text(st, 5, v.n ? v.p : NULL);
  bind_text(st, 6, it->pack->id);
  bind_text(st, 7, f->how);
  ir_buf_free(&v);
  if (step(s, st, "facts") != 0)
    return -1;
  sqlite3_int64 id = sqlite3_last_insert_rowid(s->db);
  if (put_evidence(s, id, 0, "affirm", &f->affirm) != 0 ||
      put_evidence(s, id, 0, "deny", &f->deny) != 0)
    return -1;
  return 0;
}

static int put_finding(ir_store *s, sqlite3_int64 item, const char *pack,
                       const ir_finding *f) {
  sqlite3_stmt *st = s->st[S_FINDING];
  ir_buf cp = {0};
  join_list(&cp, &f->counterparts);
  sqlite3_bind_int64(st, 1, item);
  bind_text(st, 2, f->rule);
  bind_text(st, 3, f->kind);
  bind_text(st, 4, f->criterion);
  bind_text(st, 5, ir_severity_name(f->severity));
  bind_text(st, 6, f->message);
  bind_text(st, 7, cp.n ? cp.p : NULL);
  bind_text(st, 8, pack);
  ir_buf_free(&cp);
  if (step(s, st, "findings") != 0)
    return -1;
  return put_evidence(s, 0, sqlite3_last_insert_rowid(s->db), "finding",
                      &f->evidence);
}

static int put_item(ir_store *s, sqlite3_int64 letter, const ir_item *it) {
  sqlite3_stmt *st = s->st[S_ITEM];
  ir_buf cited = {0};
  for (size_t i = 0; i < it->cited.n; i++)
    ir_buf_printf(&cited, "%s%s", i ? ";" : "",
                  ir_item_crit_name(it, it->cited.v[i].criterion));
  sqlite3_bind_int64(st, 1, letter);
  sqlite3_bind_int(st, 2, it->index);
  bind_text(st, 3, it->service);
  bind_text(st, 4, it->category);
  bind_text(st, 5, ir_outcome_name(it->outcome));
  bind_text(st, 6, ir_conclusion_name(it->conclusion));
  bind_text(st, 7, it->guideline_ca);
  bind_text(st, 8, it->guideline_maximus);
  sqlite3_bind_int(st, 9, it->line);
  bind_text(st, 10, cited.n ? cited.p : "");
  sqlite3_bind_int(st, 11, it->findings.n > 0);
  bind_text(st, 12, it->pack ? it->pack->id : NULL);
  ir_buf_free(&cited);
  if (step(s, st, "items") != 0)
    return -1;
  sqlite3_int64 id = sqlite3_last_insert_rowid(s->db);
  size_t nf = it->pack && it->facts ? it->nfacts : 0;
  if (it->pack && nf > it->pack->ncrit)
    nf = it->pack->ncrit;
  for (size_t c = 0; c < nf; c++)
    if (put_fact(s, id, it, c) != 0)
      return -1;
  for (size_t i = 0; i < it->findings.n; i++)
    if (put_finding(s, id, it->pack ? it->pack->id : NULL,
                    &it->findings.v[i]) != 0)
      return -1;
  return 0;
}

/* The single integer a statement's first row gives (0 when none). */
static int step_id(ir_store *s, sqlite3_stmt *st, sqlite3_int64 *id,
                   const char *what) {
  *id = 0;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : fail(s, what);
}

/* In the caller's transaction: the letter's content row (kept, its items
 * replaced), the path's current content, the run's sighting of it, and the
 * path's previous content removed when no path holds it any more. */
static int put_letter(ir_store *s, const ir_letter *l, const char *key) {
  const char *path = l->path ? l->path : "-";
  sqlite3_int64 old = 0, id = 0;
  sqlite3_stmt *st = s->st[S_OLD];
  bind_text(st, 1, path);
  if (step_id(s, st, &old, "paths") != 0)
    return -1;
  long flagged = 0;
  for (size_t i = 0; i < l->items.n; i++)
    flagged += l->items.v[i].findings.n > 0;
  st = s->st[S_LETTER];
  bind_text(st, 1, key);
  bind_text(st, 2, l->path);
  sqlite3_bind_int64(st, 3, s->run);
  sqlite3_bind_int(st, 4, l->ok);
  bind_text(st, 5, l->ok ? NULL : l->error);
  bind_text(st, 6, l->ok ? ir_layout_name(l->text.layout) : NULL);
  sqlite3_bind_int64(st, 7, (sqlite3_int64)l->text.orig_len);
  bind_text(st, 8, l->case_number);
  bind_text(st, 9, l->date_injury);
  bind_text(st, 10, l->date_decision);
  bind_text(st, 11, l->date_ur_denial);
  bind_text(st, 12, l->date_assigned);
  bind_text(st, 13, l->date_application);
  bind_text(st, 14, l->priority);
  bind_text(st, 15, l->specialty);
  bind_text(st, 16, l->licensure);
  sqlite3_bind_int(st, 17, l->truncated);
  sqlite3_bind_int64(st, 18, (sqlite3_int64)l->items.n);
  sqlite3_bind_int64(st, 19, flagged);
  sqlite3_bind_int64(st, 20, (sqlite3_int64)l->rule_errors.n);
  bind_text(st, 21, l->specialty_group);
  if (step(s, st, "letters") != 0)
    return -1;
  st = s->st[S_ID];
  bind_text(st, 1, key);
  if (step_id(s, st, &id, "letters") != 0)
    return -1;
  st = s->st[S_CLEAR];
  sqlite3_bind_int64(st, 1, id);
  if (step(s, st, "items") != 0)
    return -1;
  for (size_t i = 0; i < l->items.n; i++)
    if (put_item(s, id, &l->items.v[i]) != 0)
      return -1;
  st = s->st[S_PATH];
  bind_text(st, 1, path);
  sqlite3_bind_int64(st, 2, id);
  sqlite3_bind_int64(st, 3, s->run);
  if (step(s, st, "paths") != 0)
    return -1;
  st = s->st[S_SEEN];
  sqlite3_bind_int64(st, 1, s->run);
  bind_text(st, 2, path);
  sqlite3_bind_int64(st, 3, id);
  if (step(s, st, "seen") != 0)
    return -1;
  if (old && old != id) { /* edited, or failed then fixed */
    st = s->st[S_STALE];
    sqlite3_bind_int64(st, 1, old);
    if (step(s, st, "letters") != 0)
      return -1;
  }
  return 0;
}

int ir_store_letter(ir_store *s, const ir_letter *l, const unsigned char *sha) {
  unsigned char d[32];
  char key[65];
  if (!sha) {
    const char *p = l->path ? l->path : "-";
    size_t n = strlen(p);
    char *tmp = malloc(n + 6);
    if (!tmp)
      return -1;
    memcpy(tmp, "path:", 5);
    memcpy(tmp + 5, p, n + 1);
    ir_sha256(tmp, n + 5, d);
    free(tmp);
    sha = d;
  }
  ir_sha256_hex(sha, key);
  if (s->dead)
    return -1;
  if (exec(s, "BEGIN IMMEDIATE") != 0)
    return -1;
  if (put_letter(s, l, key) != 0) {
    exec(s, "ROLLBACK");
    return -1;
  }
  return exec(s, "COMMIT");
}

int ir_store_cross(ir_store *s, const ir_cross_finding *f) {
  if (s->dead)
    return -1;
  if (!s->in_tx) {
    if (exec(s, "BEGIN IMMEDIATE") != 0)
      return -1;
    s->in_tx = 1;
  }
  sqlite3_stmt *st = s->st[S_ITEM_OF];
  bind_text(st, 1, f->file);
  sqlite3_bind_int64(st, 2, s->run);
  sqlite3_bind_int(st, 3, f->index);
  sqlite3_int64 item = 0;
  if (sqlite3_step(st) == SQLITE_ROW)
    item = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (!item)
    return 0; /* the letter's bytes were stored under another path */
  ir_finding fd;
  memset(&fd, 0, sizeof fd);
  fd.rule = IR_CROSS_RULE;
  fd.kind = IR_CROSS_KIND;
  fd.severity = IR_SEV_WARNING;
  fd.message = f->message;
  fd.counterparts.v = (const char **)f->counterparts;
  fd.counterparts.n = fd.counterparts.cap = f->ncounterparts;
  char q[96];
  snprintf(q, sizeof q, "UPDATE items SET flagged=1 WHERE id=%lld",
           (long long)item);
  if (exec(s, q) != 0)
    return -1;
  return put_finding(s, item, f->pack ? f->pack->id : NULL, &fd);
}

int ir_store_finish(ir_store *s, const ir_summary *sum) {
  const char *status = sum->interrupted ? "interrupted"
                       : s->dead        ? "failed"
                                        : "complete";
  int was_dead = s->dead;
  if (s->dead && s->in_tx) { /* the cross-case findings stored so far */
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
  }
  s->dead = 0; /* one more try: the run's row says how it ended */
  if (!s->in_tx && exec(s, "BEGIN IMMEDIATE") != 0)
    return -1;
  s->in_tx = 1;
  char ts[32], q[512];
  now_iso(ts, sizeof ts);
  snprintf(q, sizeof q,
           "UPDATE runs SET finished='%s', letters=%ld, items=%ld, "
           "failed=%ld, flagged_items=%ld, findings=%ld, status='%s' "
           "WHERE id=%lld",
           ts, sum->letters, sum->items, sum->failed, sum->flagged_items,
           sum->findings, status, (long long)s->run);
  if (was_dead)
    s->dead = 1; /* quiet: the first error was reported */
  if (exec(s, q) != 0 || exec(s, "COMMIT") != 0)
    return -1;
  s->in_tx = 0;
  return was_dead ? -1 : 0;
}

void ir_store_close(ir_store *s) {
  if (!s)
    return;
  if (s->in_tx)
    exec(s, "ROLLBACK");
  for (int i = 0; i < S_N; i++)
    sqlite3_finalize(s->st[i]);
  if (s->db) {
    sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(s->db);
  }
  free(s);
}

/* --- the store as a sink ----------------------------------------------------
 * The worker hashes the letter's bytes into the fragment (32 bytes, or none
 * when the letter has no text). */

typedef struct {
  ir_sink base;
  ir_store *db;
} store_sink;

static void ss_prepare(const ir_sink *s, ir_buf *frag, const ir_letter *l) {
  (void)s;
  if (l->ok && l->text.orig) {
    unsigned char sha[32];
    ir_sha256(l->text.orig, l->text.orig_len, sha);
    ir_buf_put(frag, (const char *)sha, sizeof sha);
  }
}

static int ss_letter(ir_sink *s, long seq, const ir_letter *l, const char *frag,
                     size_t n) {
  (void)seq;
  return ir_store_letter(((store_sink *)s)->db, l,
                         n == 32 ? (const unsigned char *)frag : NULL);
}

static int ss_cross(ir_sink *s, const ir_cross_finding *f, int first) {
  (void)first;
  return ir_store_cross(((store_sink *)s)->db, f);
}

static int ss_summary(ir_sink *s, const ir_summary *sum) {
  return ir_store_finish(((store_sink *)s)->db, sum);
}

static void ss_free(ir_sink *s) {
  ir_store_close(((store_sink *)s)->db);
  free(s);
}

static const ir_sink_ops store_ops = {
    .name = "store",
    .prepare = ss_prepare,
    .letter = ss_letter,
    .cross = ss_cross,
    .summary = ss_summary,
    .free = ss_free,
};

ir_sink *ir_sink_store(const char *path, char *err, size_t errlen) {
  store_sink *ss = calloc(1, sizeof *ss);
  if (!ss) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  ss->db = ir_store_open(path, err, errlen);
  if (!ss->db) {
    free(ss);
    return NULL;
  }
  ss->base.ops = &store_ops;
  return &ss->base;
}
