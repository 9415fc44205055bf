/**
 * SPI of activation functions s(z) for rate neurons: an {@link org.neurosim.core.activation.ActivationFunction}
 * plugin makes an {@link org.neurosim.core.activation.Activation} with value and derivative, over scalars or arrays.
 */
package org.neurosim.core.activation;
