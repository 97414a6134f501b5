"""Peer: fastText supervised, -wordNgrams 2 -lr 1.0 -epoch 50, through Debian's python3-fasttext.
Usage: fasttext_clf.py <train_dir> <test_dir>. fastText learns from one line a document, so text is
lower-cased, punctuation split off (as fastText's own tutorial does) and the training lines
shuffled with a fixed seed. Training time includes writing that file."""
import os
import random
import re
import sys
import tempfile
import time

import fasttext

from peer_common import read_tree, report

PUNCTUATION = re.compile(r"([.!?,'/()\"])")
SPACE = re.compile(r'\s+')


def to_line(text):
    return SPACE.sub(' ', PUNCTUATION.sub(r' \1 ', text.lower())).strip()


def main(train_dir, test_dir):
    train_texts, train_labels = read_tree(train_dir)
    test_texts, test_labels = read_tree(test_dir)

    started = time.perf_counter()
    lines = [f'__label__{label} {to_line(text)}' for text, label in zip(train_texts, train_labels)]
    random.Random(7).shuffle(lines)
    with tempfile.TemporaryDirectory(prefix='docsort-fasttext-') as scratch:
        path = os.path.join(scratch, 'train.txt')
        with open(path, 'w', encoding='utf-8') as handle:
            handle.write('\n'.join(lines) + '\n')
        model = fasttext.train_supervised(
            input=path, wordNgrams=2, lr=1.0, epoch=50, thread=os.cpu_count() or 1, verbose=0
        )
    train_seconds = time.perf_counter() - started

    started = time.perf_counter()
    labels, _ = model.predict([to_line(text) for text in test_texts])
    predicted = [found[0][len('__label__'):] for found in labels]
    predict_seconds = time.perf_counter() - started

    report(test_labels, predicted, train_seconds, predict_seconds)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: fasttext_clf.py <train_dir> <test_dir>')
    main(sys.argv[1], sys.argv[2])
