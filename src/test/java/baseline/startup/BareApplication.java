package baseline.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Arrays;
import java.util.Map;

/**
 * The yardstick of the start-up benchmark ({@code org.coalitionledger.bench.startup}): a bare Spring Boot
 * application with the ledger's starters (web, JPA, security, Thymeleaf, Flyway, H2 in file mode, actuator) and one
 * of each thing they serve — an entity, its repository, a migration, a controller, a security chain with the health
 * check open. It lives outside {@code org.coalitionledger} so that the ledger's component, entity and repository
 * scans never see it. Its data directory is the first argument.
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        application(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }

    /** The application with its settings, its database in {@code dataDir}. */
    public static SpringApplication application(String dataDir) {
        SpringApplication application = new SpringApplication(BareApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + dataDir + "/bare;DB_CLOSE_ON_EXIT=FALSE",
                "spring.flyway.locations", "classpath:db/bare",
                "spring.jpa.open-in-view", "false",
                "spring.jpa.hibernate.ddl-auto", "none",
                "spring.main.banner-mode", "off"));
        return application;
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> { })
                .formLogin(form -> { })
                .build();
    }
}
