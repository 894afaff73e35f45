-- PostGIS gives its functions high planner costs, so PostgreSQL's JIT compiler starts for ordinary spatial queries
-- and spends more time compiling than they take to run (measured on this service: 130 ms of JIT in a 460 ms
-- exposure statement, 16 ms in a 50 ms at-risk list). Switch it off for this database's new sessions.
-- A database the service does not own is left as it is (say so to its administrator: jit = off).
DO
$$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE NOTICE 'jit not changed: the service does not own database %', current_database();
END
$$;
