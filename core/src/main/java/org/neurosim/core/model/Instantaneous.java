package org.neurosim.core.model;

/**
 * A model with no differential equation: its state is a function of the present input alone (a rate neuron with
 * tau = 0, y = s(input)). Only an exact propagator (order 0) can step it; the network settles such populations at
 * t = 0 in config order, so a feed-forward rate network holds y = s(W x + b) from the start.
 */
public interface Instantaneous extends ExactlySolvable { }
