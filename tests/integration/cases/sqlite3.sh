# sqlite3: tables, inserts, aggregates, joins, csv output, :memory: and a file.
cat >schema.sql <<'X'
CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT, dept TEXT, salary REAL);
INSERT INTO emp(name, dept, salary) VALUES
  ('alice', 'eng', 120000), ('bob', 'eng', 95000.5), ('carol', 'ops', 70000),
  ('dave', 'ops', 72000), ('eve', 'sales', 65000), ('frank', NULL, 1);
CREATE TABLE dept(code TEXT PRIMARY KEY, title TEXT);
INSERT INTO dept VALUES ('eng', 'Engineering'), ('ops', 'Operations');
X
run sqlite3 db.sqlite <schema.sql
t sqlite3 db.sqlite 'SELECT dept, count(*), sum(salary), round(avg(salary), 2), max(name) FROM emp GROUP BY dept ORDER BY dept;'
t sqlite3 -header -csv db.sqlite 'SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.code ORDER BY e.id;'
t sqlite3 db.sqlite <<'X'
.mode csv
.headers on
SELECT name, salary FROM emp WHERE salary > 70000 ORDER BY salary DESC;
.mode line
SELECT count(*) AS n, total(salary) AS t FROM emp;
X
t sqlite3 :memory: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10) SELECT group_concat(x * x, '-'), printf('%.3f', 22.0 / 7), upper('abc'), substr('hello', 2, 3), length(x'00ff') FROM c;"
t sqlite3 :memory: 'CREATE TABLE t(a UNIQUE); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);'
t sqlite3 -json :memory: "SELECT 1 AS a, 'x' AS b, NULL AS c UNION ALL SELECT 2, 'y', 3.5;"
t sqlite3 db.sqlite '.schema emp'
