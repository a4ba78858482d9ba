package io.koubei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.koubei.core.feedback.Polarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoSamplerTest {

    @Test
    void everyHundredDrawsHoldTheExactProportionsInRandomOrder() {
        DemoSampler sampler = new DemoSampler(new Random(1));
        List<Integer> draws = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            draws.add(sampler.index(3, 12, 85));
        }
        for (int deck = 0; deck < 10; deck++) {
            List<Integer> d = draws.subList(deck * 100, deck * 100 + 100);
            assertThat(d.stream().filter(x -> x == 0).count()).isEqualTo(3);
            assertThat(d.stream().filter(x -> x == 1).count()).isEqualTo(12);
        }
        assertThat(draws.subList(0, 100)).isNotEqualTo(draws.subList(100, 200));
        List<Integer> sorted = new ArrayList<>(draws.subList(0, 100));
        sorted.sort(null);
        assertThat(draws.subList(0, 100)).as("shuffled").isNotEqualTo(sorted);
    }

    @Test
    void sameSeedSameSequenceAndOneDeckPerPolarity() {
        double[] mix = {10, 5, 8, 16, 10, 5, 5, 8, 14, 10, 4, 3, 2, 0};
        DemoSampler a = new DemoSampler(new Random(9));
        DemoSampler b = new DemoSampler(new Random(9));
        List<DemoAspect> fromA = new ArrayList<>();
        List<DemoAspect> fromB = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Polarity p = Polarity.values()[i % 3];
            fromA.add(a.aspect(mix, p));
            fromB.add(b.aspect(mix, p));
        }
        assertThat(fromA).isEqualTo(fromB);
        // 100 draws per polarity: each polarity's deck holds camera (16 of 100) exactly 16 times
        for (int p = 0; p < 3; p++) {
            int polarity = p;
            long camera = java.util.stream.IntStream.range(0, 300).filter(i -> i % 3 == polarity)
                    .filter(i -> fromA.get(i) == DemoAspect.CAMERA).count();
            assertThat(camera).isEqualTo(16);
        }
        assertThat(fromA).doesNotContain(DemoAspect.QUALITY);
    }
}
