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

/** z → w: normalise z to the unit sphere's scale, then a few fully connected layers. */
public final class MappingNet extends AbstractBlock {
  private final int latentSize;
  private final int wDim;
  private final List<Linear> layers = new ArrayList<>();

  public MappingNet(int latentSize, int wDim, int depth) {
    this.latentSize = latentSize;
    this.wDim = wDim;
    for (int i = 0; i < depth; i++) {
      layers.add(addChildBlock("fc" + i, Linear.builder().setUnits(wDim).build()));
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray z = inputs.head();
    NDArray x = z.div(z.square().mean(new int[] {1}, true).add(1e-8f).sqrt());
    for (Linear layer : layers) {
      x = Activation.leakyRelu(layer.forward(ps, new NDList(x), training).head(), 0.2f);
    }
    return new NDList(x);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    long in = latentSize;
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
