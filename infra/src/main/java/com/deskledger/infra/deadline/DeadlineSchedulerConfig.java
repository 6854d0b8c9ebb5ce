package com.deskledger.infra.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The db-scheduler {@link Scheduler} behind Axon's {@code DbSchedulerDeadlineManager}, which Axon's
 * {@code AxonDbSchedulerAutoConfiguration} sets up as soon as a scheduler bean exists (with the Jackson event
 * serializer for the deadline messages). Its tasks are Axon's deadline and event-schedule tasks.
 * <p>
 * The data source is transaction-aware, so a deadline scheduled or cancelled while a command is handled is written
 * in the command's own transaction: it exists exactly when the events that asked for it were stored.
 */
@Configuration
public class DeadlineSchedulerConfig {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${deskledger.deadlines.polling-interval:PT5S}") Duration pollingInterval,
                                @Value("${deskledger.deadlines.threads:2}") int threads,
                                @Value("${deskledger.node.id}") String nodeId) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName("scheduled_tasks")
                .serializer(new JacksonSerializer())
                .pollingInterval(pollingInterval)
                .threads(threads)
                // picked_by names the node that runs a deadline (db-scheduler's default is the host name, the same
                // for two nodes on one host)
                .schedulerName(new SchedulerName.Fixed(nodeId))
                .build();
    }

    /**
     * Axon copies metadata onto the events a command causes, but not onto those a deadline causes: without this
     * interceptor a breach would be stored without who (the deadline's own {@code system}), where or why.
     */
    @Bean
    SmartInitializingSingleton deadlineCorrelation(DeadlineManager deadlineManager,
                                                   List<CorrelationDataProvider> providers) {
        return () -> deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler scheduler,
                                                          @Value("${deskledger.deadlines.execute:true}")
                                                          boolean execute) {
        return new DeadlineSchedulerLifecycle(scheduler, execute);
    }
}
