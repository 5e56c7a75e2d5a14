-- Orleans' ADO.NET membership contract on PostgreSQL (Microsoft.Orleans.Clustering.AdoNet 10.4.2): the provider only
-- issues the queries stored in OrleansQuery, reading columns and binding parameters by name. Idempotent, so every
-- coordinator applies it at start (under an advisory lock); the NuGet package ships no scripts.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY(QueryKey)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY(DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY(DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

CREATE OR REPLACE FUNCTION orleans_insert_membership_version(deployment varchar)
RETURNS TABLE(row_count integer) AS $$
DECLARE affected int := 0;
BEGIN
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (deployment) ON CONFLICT (DeploymentId) DO NOTHING;
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN QUERY SELECT affected;
END $$ LANGUAGE plpgsql;

-- Optimistic concurrency: a row changes only together with the version the caller read. Any mismatch rolls the
-- inner block back and returns 0, and Orleans re-reads the table and tries again.
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    deployment varchar, address_arg varchar, port_arg integer, generation_arg integer, silo_name varchar,
    host_name varchar, status_arg integer, proxy_port integer, start_time timestamptz, i_am_alive timestamptz,
    version_arg integer)
RETURNS TABLE(row_count integer) AS $$
DECLARE affected int := 0;
BEGIN
    BEGIN
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        VALUES (deployment, address_arg, port_arg, generation_arg, silo_name, host_name, status_arg, proxy_port, start_time, i_am_alive)
        ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN RAISE EXCEPTION 'silo already present'; END IF;
        UPDATE OrleansMembershipVersionTable SET Timestamp = now(), Version = Version + 1
        WHERE DeploymentId = deployment AND Version = version_arg;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN RAISE EXCEPTION 'membership version changed'; END IF;
    EXCEPTION WHEN raise_exception THEN
        affected := 0;
    END;
    RETURN QUERY SELECT affected;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION orleans_update_membership(
    deployment varchar, address_arg varchar, port_arg integer, generation_arg integer, status_arg integer,
    suspect_times varchar, i_am_alive timestamptz, version_arg integer)
RETURNS TABLE(row_count integer) AS $$
DECLARE affected int := 0;
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable SET Timestamp = now(), Version = Version + 1
        WHERE DeploymentId = deployment AND Version = version_arg;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN RAISE EXCEPTION 'membership version changed'; END IF;
        UPDATE OrleansMembershipTable
        SET Status = status_arg, SuspectTimes = suspect_times, IAmAliveTime = i_am_alive
        WHERE DeploymentId = deployment AND Address = address_arg AND Port = port_arg AND Generation = generation_arg;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN RAISE EXCEPTION 'silo not present'; END IF;
    EXCEPTION WHEN raise_exception THEN
        affected := 0;
    END;
    RETURN QUERY SELECT affected;
END $$ LANGUAGE plpgsql;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpdateIAmAlivetimeKey', '
    UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;'),
('InsertMembershipVersionKey', 'SELECT * FROM orleans_insert_membership_version(@DeploymentId);'),
('InsertMembershipKey', '
    SELECT * FROM orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);'),
('UpdateMembershipKey', '
    SELECT * FROM orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version);'),
('MembershipReadRowKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;'),
('MembershipReadAllKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'),
('GatewaysQueryKey', '
    SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;'),
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status != 3;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
