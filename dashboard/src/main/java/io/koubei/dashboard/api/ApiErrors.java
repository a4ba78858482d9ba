package io.koubei.dashboard.api;

import io.koubei.core.store.StoreUnavailableException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Clear JSON errors: bad parameters are the caller's (400), an unavailable store is ours and temporary (503). */
// before Spring Boot's problem-details advice, which would answer a type mismatch without naming the parameter
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** {@code limit=abc}, {@code weeks=99999999999}: the parameter is named, not "For input string". */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Map.of("error", describe(e)));
    }

    public static String describe(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "another value"
                : type == int.class || type == Integer.class || type == long.class || type == Long.class ? "a whole number"
                : type == double.class || type == Double.class ? "a number" : "a " + type.getSimpleName();
        return e.getName() + ": expected " + expected + ", got '" + e.getValue() + "'";
    }

    @ExceptionHandler(StoreUnavailableException.class)
    public ResponseEntity<Map<String, String>> unavailable(StoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("error", "store unavailable, retry later: " + e.getMessage()));
    }
}
