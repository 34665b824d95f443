/**
 * Layer classes a LayersModel may use: built-in Keras layers that TF.js 4.22 implements and an
 * image classifier plausibly needs. Anything else (custom layers, Lambda, layers TF.js lacks) is
 * refused by name before loading. Left out on purpose: the generic RNN wrapper and RNN cells
 * (they deserialize nested cell configs), random augmentation layers (not deterministic) and
 * text layers. tests/tfjs/check-tfjs-manifest.test.ts checks that TF.js registers every name.
 */
export const KERAS_LAYER_CLASSES: ReadonlySet<string> = new Set(
  `
  Sequential Model Functional InputLayer
  Dense Flatten Reshape Permute RepeatVector Activation Dropout SpatialDropout1D AlphaDropout GaussianDropout
  GaussianNoise Conv1D Conv2D Conv2DTranspose Conv3D Conv3DTranspose DepthwiseConv2D SeparableConv2D Cropping2D
  UpSampling2D ZeroPadding2D MaxPooling1D MaxPooling2D MaxPooling3D AveragePooling1D AveragePooling2D
  AveragePooling3D GlobalAveragePooling1D GlobalAveragePooling2D GlobalMaxPooling1D GlobalMaxPooling2D
  BatchNormalization LayerNormalization ReLU LeakyReLU PReLU ELU ThresholdedReLU Softmax
  Add Average Concatenate Dot Maximum Minimum Multiply
  SimpleRNN GRU LSTM Bidirectional TimeDistributed Rescaling Resizing CenterCrop
`
    .trim()
    .split(/\s+/),
);
