package mishmash.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * z → w: normalise z to the unit sphere's scale, then a few fully connected layers. With
 * {@code domains > 0} the input is z plus a mixture of domains [B, domains]: the mixture picks a
 * blend of learned domain embeddings, which is normalised like z and joins it before the layers.
 */
public final class MappingNet extends AbstractBlock {
  private final int latentSize;
  private final int wDim;
  private final int domains;
  private final Linear embed;
  private final List<Linear> layers = new ArrayList<>();

  public MappingNet(int latentSize, int wDim, int depth, int domains) {
    this.latentSize = latentSize;
    this.wDim = wDim;
    this.domains = domains;
    this.embed = domains > 0 ? addChildBlock("embed", Linear.builder().setUnits(wDim).optBias(false).build()) : null;
    for (int i = 0; i < depth; i++) {
      layers.add(addChildBlock("fc" + i, Linear.builder().setUnits(wDim).build()));
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = normalise(inputs.head());
    if (embed != null) {
      if (inputs.size() < 2) {
        throw new IllegalArgumentException("this mapping network is conditioned on " + domains
            + " domains: give it z and a domain mixture");
      }
      NDArray e = embed.forward(ps, new NDList(inputs.get(1)), training).head();
      x = x.concat(normalise(e), 1);
    }
    for (Linear layer : layers) {
      x = Activation.leakyRelu(layer.forward(ps, new NDList(x), training).head(), 0.2f);
    }
    return new NDList(x);
  }

  private static NDArray normalise(NDArray v) {
    return v.div(v.square().mean(new int[] {1}, true).add(1e-8f).sqrt());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    long in = latentSize;
    if (embed != null) {
      embed.initialize(manager, dataType, new Shape(batch, domains));
      in += wDim;
    }
    for (Linear layer : layers) {
      layer.initialize(manager, dataType, new Shape(batch, in));
      in = wDim;
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), layers.isEmpty() ? latentSize : wDim)};
  }
}
