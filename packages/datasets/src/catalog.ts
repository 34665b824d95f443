// What Tenfold knows about its two datasets. Pure data: the web app imports this module into
// pages, so it must not touch node: modules.

export const DATASET_IDS = ['mnist', 'fashion-mnist'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** The spelling of the Prisma `Dataset` enum. */
export type DatasetEnum = 'MNIST' | 'FASHION_MNIST';

export type SplitName = 'train' | 'test';

/** One IDX file as published: uncompressed SHA-256 and size (verified on this project's machines). */
export type IdxFileInfo = { name: string; sha256: string; bytes: number };

export type DatasetInfo = {
  id: DatasetId;
  enumValue: DatasetEnum;
  name: string;
  /** URL segment of the dataset's pages (`/datasets/<slug>`); equal to the id, kept explicit for links. */
  slug: string;
  classNames: readonly string[];
  /** Mean and std of training pixels / 255: what `Normalize` usually uses for this dataset. */
  normalization: { mean: number; std: number };
  splits: Record<SplitName, { count: number; images: IdxFileInfo; labels: IdxFileInfo }>;
  /** Base URL of the canonical files; each file is served as `<base><name>.gz`. */
  downloadBaseUrl: string;
  provenance: {
    creators: string;
    year: number;
    summary: string;
    construction: string;
    licence: string;
    homepage: string;
    citation: string;
    /** Why it was made: the problem its creators wanted a benchmark for. */
    purpose: string;
    /** How the labels were given, the first thing to know before calling one wrong. */
    labelling: string;
    /** The questions to ask of any dataset (intent, biases, ethics), answered for this one. */
    questions: readonly { question: string; answer: string }[];
  };
};

const IMAGES_BYTES = { train: 47_040_016, test: 7_840_016 } as const;
const LABELS_BYTES = { train: 60_008, test: 10_008 } as const;

export const DATASETS: Record<DatasetId, DatasetInfo> = {
  mnist: {
    id: 'mnist',
    enumValue: 'MNIST',
    name: 'MNIST',
    slug: 'mnist',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    normalization: { mean: 0.1307, std: 0.3081 },
    splits: {
      train: {
        count: 60_000,
        images: {
          name: 'train-images-idx3-ubyte',
          sha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
          bytes: IMAGES_BYTES.train,
        },
        labels: {
          name: 'train-labels-idx1-ubyte',
          sha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
          bytes: LABELS_BYTES.train,
        },
      },
      test: {
        count: 10_000,
        images: {
          name: 't10k-images-idx3-ubyte',
          sha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
          bytes: IMAGES_BYTES.test,
        },
        labels: {
          name: 't10k-labels-idx1-ubyte',
          sha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
          bytes: LABELS_BYTES.test,
        },
      },
    },
    downloadBaseUrl: 'https://ossci-datasets.s3.amazonaws.com/mnist/',
    provenance: {
      creators: 'Yann LeCun, Corinna Cortes and Christopher J. C. Burges',
      year: 1998,
      summary: 'Handwritten digits 0-9, the classic first benchmark of image classification.',
      construction:
        "Built from NIST's Special Database 3 (Census Bureau employees) and Special Database 1 (high-school students). Each digit was size-normalised to fit a 20x20 box, keeping its aspect ratio, anti-aliased to grey levels, and centred by centre of mass in a 28x28 image. The test set's 10,000 images come half from each writer population, with writers disjoint from the training set.",
      licence: 'Freely available for research; no explicit licence.',
      homepage: 'http://yann.lecun.com/exdb/mnist/',
      citation:
        'Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. Gradient-based learning applied to document recognition. Proceedings of the IEEE, 86(11), 1998.',
      purpose:
        "A standard test of handwritten digit recognition, the problem behind reading ZIP codes and cheques in the 1990s. NIST's own split put the cleaner writing of Census Bureau employees in training and the harder writing of high-school students in testing; MNIST remixed both populations into both splits so that results measure the classifier, not the difference between writers.",
      labelling:
        'Each digit is the one its writer was asked to write on a NIST form (Special Databases 1 and 3), so a label is what the writer meant, not what a reader sees: a badly formed 4 that looks like a 9 stays a 4.',
      questions: [
        {
          question: 'What was it made for?',
          answer:
            'Comparing learning algorithms on a clean, small task. It has since become a first exercise; top models are within a few tenths of a percent of each other, so it separates weak models from good ones but not good ones from each other.',
        },
        {
          question: 'Whose handwriting is it, and what does that leave out?',
          answer:
            'About 250 writers per split from two US groups around 1990: Census Bureau employees and high-school students, writing digits in boxes on a form. Other scripts, ages, pens and writing habits (the crossed 7, the open 4) are rare or absent; the classes are not balanced either (892 fives against 1,135 ones in the test split).',
        },
        {
          question: 'Are there ethical questions?',
          answer:
            'The writers filled in forms for NIST, not for a public machine-learning benchmark; no names are attached. Handwriting can identify people, which matters little at the level of single digits but is worth knowing before reusing the forms.',
        },
      ],
    },
  },
  'fashion-mnist': {
    id: 'fashion-mnist',
    enumValue: 'FASHION_MNIST',
    name: 'Fashion-MNIST',
    slug: 'fashion-mnist',
    classNames: [
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ],
    normalization: { mean: 0.286, std: 0.353 },
    splits: {
      train: {
        count: 60_000,
        images: {
          name: 'train-images-idx3-ubyte',
          sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
          bytes: IMAGES_BYTES.train,
        },
        labels: {
          name: 'train-labels-idx1-ubyte',
          sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
          bytes: LABELS_BYTES.train,
        },
      },
      test: {
        count: 10_000,
        images: {
          name: 't10k-images-idx3-ubyte',
          sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
          bytes: IMAGES_BYTES.test,
        },
        labels: {
          name: 't10k-labels-idx1-ubyte',
          sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
          bytes: LABELS_BYTES.test,
        },
      },
    },
    downloadBaseUrl: 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
    provenance: {
      creators: 'Han Xiao, Kashif Rasul and Roland Vollgraf (Zalando Research)',
      year: 2017,
      summary:
        "Zalando's article images in 10 clothing classes, made as a drop-in replacement for MNIST: same format, same sizes, harder content.",
      construction:
        "Front-look thumbnails of 70,000 products from Zalando's catalogue were trimmed, resized so the longest edge is 28 pixels, sharpened, extended to 28x28, negated (so the background is 0, as in MNIST) and converted to 8-bit greyscale. Each class has 6,000 training and 1,000 test images.",
      licence: 'MIT',
      homepage: 'https://github.com/zalandoresearch/fashion-mnist',
      citation:
        'H. Xiao, K. Rasul, R. Vollgraf. Fashion-MNIST: a novel image dataset for benchmarking machine learning algorithms. arXiv:1708.07747, 2017.',
      purpose:
        'A drop-in replacement for MNIST: same image size, same format, same 60,000 / 10,000 split, so every MNIST pipeline runs on it unchanged. Zalando Research made it because MNIST is too easy (convolutional networks reach 99.7 %), overused, and unlike the images modern computer vision deals with.',
      labelling:
        "Labels are the products' category codes in Zalando's catalogue, assigned by the company's in-house fashion experts and reviewed by a separate team; the class is what the product is sold as, which is why a shirt photographed like a T-shirt keeps its label.",
      questions: [
        {
          question: 'What was it made for?',
          answer:
            'Benchmarking, not recognising clothes in the wild: front views of single products on a plain background, 28 × 28 pixels, 7,000 images per class (6,000 training, 1,000 test), exactly balanced.',
        },
        {
          question: 'What biases does it carry?',
          answer:
            "One retailer's European catalogue of 2017: its product ranges, styles and photography. Some classes overlap by construction (Shirt, T-shirt/top, Pullover and Coat differ in details that 28 × 28 greyscale pixels barely keep), so a part of the remaining error is ambiguity rather than a model's failing.",
        },
        {
          question: 'Are there ethical questions?',
          answer:
            'The images show products, not people, and are released under the MIT licence by the company that owns them. The questions are about use: conclusions drawn from it say little about recognising clothing worn by people.',
        },
      ],
    },
  },
};

export function isDatasetId(value: string): value is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(value);
}

export function getDatasetInfo(id: DatasetId): DatasetInfo {
  return DATASETS[id];
}

const ID_BY_ENUM: Record<DatasetEnum, DatasetId> = { MNIST: 'mnist', FASHION_MNIST: 'fashion-mnist' };

export function datasetIdFromEnum(value: DatasetEnum): DatasetId {
  return ID_BY_ENUM[value];
}

export function datasetEnumFromId(id: DatasetId): DatasetEnum {
  return DATASETS[id].enumValue;
}
