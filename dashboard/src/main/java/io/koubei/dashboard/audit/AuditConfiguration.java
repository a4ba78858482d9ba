package io.koubei.dashboard.audit;

import io.koubei.core.state.StateStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The audit log, and the login events Spring Security publishes written into it. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditLog auditLog(StateStore state) {
        return new AuditLog(state, Clock.systemUTC());
    }

    @Bean
    LoginAudit loginAudit(AuditLog audit) {
        return new LoginAudit(audit);
    }

    @Bean
    WebMvcConfigurer auditInterceptor(AuditLog audit) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuditInterceptor(audit));
            }
        };
    }

    /**
     * Form and single sign-on logins (interactive) are recorded once, with how (password, ldap, oidc); API calls with Basic
     * or a token authenticate on every request.
     */
    static final class LoginAudit {
        private final AuditLog audit;

        LoginAudit(AuditLog audit) {
            this.audit = audit;
        }

        @EventListener
        void success(InteractiveAuthenticationSuccessEvent e) {
            audit.record(e.getAuthentication().getName(), "login.success", null,
                    io.koubei.dashboard.access.SignInSource.of(e.getAuthentication()));
        }

        @EventListener
        void failure(AbstractAuthenticationFailureEvent e) {
            String who = e.getAuthentication() == null ? "?" : String.valueOf(e.getAuthentication().getName());
            audit.record(who, "login.failure", null, e.getException().getClass().getSimpleName());
        }
    }
}
