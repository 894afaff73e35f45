package jp.inochi.scheduling;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The one Quartz scheduler of this instance: JDBC job store (tables from Flyway, V50), clustered,
 * with jobs built as Micronaut beans. There is no Micronaut-Quartz module; this factory is all it takes.
 */
@Factory
class QuartzFactory {
    static final String SCHEDULER_NAME = "inochi";
    private static final String DATA_SOURCE_NAME = "inochi-quartz";

    @Singleton
    @Bean(preDestroy = "shutdown")
    Scheduler scheduler(DataSource dataSource, SchedulerSettings settings, BeanContext beans) throws SchedulerException {
        // Quartz commits its own transactions, so it gets the pool itself, not the transaction-aware proxy.
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE_NAME, new PoolConnectionProvider(pool));

        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, settings.instanceId());
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.threads()));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE_NAME);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                String.valueOf(settings.clusterCheckinInterval().toMillis()));
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");

        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.setJobFactory((bundle, ignored) -> beans.getBean(bundle.getJobDetail().getJobClass()));
        return scheduler;
    }

    private record PoolConnectionProvider(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the service and closes with it.
        }

        @Override
        public void initialize() {
            // Nothing to set up: the pool already exists.
        }
    }
}
