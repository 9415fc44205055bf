package org.neurosim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": edit distances by hand, and only names close enough to be a typo are offered. */
class SuggestionsTest {
    @Test
    void distancesCountInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(Suggestions.distance("duration", "duration")).isZero();
        assertThat(Suggestions.distance("duratoin", "duration")).isEqualTo(1);   // one swap
        assertThat(Suggestions.distance("rn", "run")).isEqualTo(1);             // one insertion
        assertThat(Suggestions.distance("tua_m", "tau_m")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);     // the textbook pair
    }

    @Test
    void onlyCloseNamesAreSuggested() {
        List<String> keys = List.of("dt", "duration", "populations", "projections", "record", "seed");
        assertThat(Suggestions.didYouMean("duratoin", keys)).isEqualTo(" (did you mean 'duration'?)");
        assertThat(Suggestions.didYouMean("projection", keys)).isEqualTo(" (did you mean 'projections'?)");
        assertThat(Suggestions.didYouMean("banana", keys)).isEmpty();
        assertThat(Suggestions.didYouMean("seed", keys)).isEmpty();   // not misspelt
    }
}
