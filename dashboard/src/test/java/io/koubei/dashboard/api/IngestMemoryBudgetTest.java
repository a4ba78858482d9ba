package io.koubei.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 21 finding 9: concurrent large bodies share a bounded parsing budget instead of the whole heap. */
class IngestMemoryBudgetTest {
    private static final int MAX_BODY = 32 * 1024 * 1024;

    @Test
    void largeBodiesBeyondTheBudgetWaitAndAreThenToldToComeBack() throws Exception {
        IngestMemoryBudget budget = new IngestMemoryBudget(64);
        int fifteenMb = budget.share(15L * 1024 * 1024, MAX_BODY);
        assertThat(fifteenMb).isEqualTo(15);
        assertThat(budget.share(-1, MAX_BODY)).as("unknown length: the largest allowed body").isEqualTo(32);
        assertThat(budget.share(10, MAX_BODY)).isEqualTo(1);
        int admitted = 0;
        for (int i = 0; i < 8; i++) {
            if (budget.tryAcquire(fifteenMb, 10)) {
                admitted++;
            }
        }
        assertThat(admitted).as("eight concurrent 15 MB bodies: four fit a 64 MiB budget").isEqualTo(4);
        budget.release(fifteenMb);
        assertThat(budget.tryAcquire(fifteenMb, 10)).as("one finished: the next is admitted").isTrue();
        assertThat(new IngestMemoryBudget(8).share(15L * 1024 * 1024, MAX_BODY)).as("never more than the whole budget").isEqualTo(8);
    }
}
