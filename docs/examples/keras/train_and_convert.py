#!/usr/bin/env python3
"""Train a small Keras classifier on Fashion-MNIST and convert it to a TF.js layers-model folder.

    pip install tensorflow tensorflowjs
    python3 train_and_convert.py web_model/
    npx tenfold submit web_model/ --dataset fashion-mnist --layout nhwc --output probabilities --wait

Keras loads the dataset itself (keras.datasets.fashion_mnist). The model takes [N, 28, 28, 1]
(channels-last: --layout nhwc), pixels / 255 (the default --scale unit) and ends in softmax
(--output probabilities). Not run by this repository's tests: TensorFlow is not installed there.
"""
import sys

import tensorflow as tf
import tensorflowjs as tfjs

out_dir = sys.argv[1] if len(sys.argv) > 1 else "web_model"
(x_train, y_train), (x_test, y_test) = tf.keras.datasets.fashion_mnist.load_data()
x_train = (x_train / 255.0).reshape(-1, 28, 28, 1).astype("float32")
x_test = (x_test / 255.0).reshape(-1, 28, 28, 1).astype("float32")

model = tf.keras.Sequential([
    tf.keras.Input(shape=(28, 28, 1)),
    tf.keras.layers.Conv2D(16, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=2, batch_size=128)
_, accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"Keras test accuracy: {accuracy:.4f}")

# The same as `tensorflowjs_converter --input_format keras model.h5 web_model/`.
tfjs.converters.save_keras_model(model, out_dir)
print(f"wrote {out_dir}; submit it with:")
print(f"  npx tenfold submit {out_dir} --dataset fashion-mnist --layout nhwc --output probabilities --wait")
