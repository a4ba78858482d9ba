package io.koubei.analysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NpsScoreTest {

    @Test
    void pointEstimateIsPromotersMinusDetractorsShare() {
        NpsScore s = NpsScore.of(50, 30, 20, 30);
        assertThat(s.nps()).isEqualTo(30.0);
        assertThat(s.n()).isEqualTo(100);
        assertThat(s.sufficient()).isTrue();
    }

    @Test
    void adjustedWaldIntervalFollowsTheDefinition() {
        // n' = 103, p'p = 50.75/103, p'd = 20.75/103
        double pp = 50.75 / 103, pd = 20.75 / 103, adj = pp - pd;
        double half = 1.959963984540054 * Math.sqrt((pp + pd - adj * adj) / 103);
        NpsScore s = NpsScore.of(50, 30, 20, 30);
        assertThat(s.low()).isCloseTo(100 * (adj - half), within(1e-9));
        assertThat(s.high()).isCloseTo(100 * (adj + half), within(1e-9));
        assertThat(s.low()).isLessThan(s.nps());
    }

    @Test
    void smallSamplesAreFlaggedAndIntervalsStayInRange() {
        NpsScore s = NpsScore.of(3, 0, 0, 30);
        assertThat(s.sufficient()).isFalse();
        assertThat(s.high()).isLessThanOrEqualTo(100);
        assertThat(NpsScore.of(0, 0, 0, 30).nps()).isNaN();
    }

    @Test
    void differenceIsSignificantOnlyWhenItsIntervalExcludesZero() {
        NpsScore big = NpsScore.of(600, 200, 200, 30);
        NpsScore worse = NpsScore.of(400, 200, 400, 30);
        assertThat(big.differenceFrom(worse).excludesZero()).isTrue();
        NpsScore a = NpsScore.of(12, 5, 8, 1);
        NpsScore b = NpsScore.of(11, 5, 9, 1);
        assertThat(a.differenceFrom(b).excludesZero()).isFalse();
        assertThat(a.differenceFrom(b).value()).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void wilsonIntervalMatchesTextbookValue() {
        Proportion p = Proportion.wilson(8, 10, 5);
        assertThat(p.value()).isEqualTo(0.8);
        assertThat(p.low()).isCloseTo(0.4902, within(1e-3));
        assertThat(p.high()).isCloseTo(0.9433, within(1e-3));
    }
}
