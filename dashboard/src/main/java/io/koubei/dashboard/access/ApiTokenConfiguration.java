package io.koubei.dashboard.access;

import io.koubei.core.state.StateStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API tokens admins create and revoke (kept hashed in the shared state); also there for commands without a web server. */
@Configuration(proxyBeanMethods = false)
public class ApiTokenConfiguration {

    @Bean
    ApiTokens apiTokens(StateStore state) {
        return new ApiTokens(state, Clock.systemUTC());
    }
}
