/**
 * Quantities with units: {@link org.neurosim.core.units.Units} parses {@code "20 ms"} or {@code "10 uA/cm^2"} into
 * SI values with their {@link org.neurosim.core.units.Dimension}, and names the expected dimension in every error.
 */
package org.neurosim.core.units;
