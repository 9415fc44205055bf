/**
 * Declared, validated plugin parameters: a plugin lists {@link org.neurosim.core.param.ParameterSpec}s and receives
 * {@link org.neurosim.core.param.Parameters} in SI units, every value checked for its dimension, range and
 * finiteness, unknown names refused with the known ones; structured values arrive as
 * {@link org.neurosim.core.param.DataValue}, whose errors name their key path.
 */
package org.neurosim.core.param;
