"""Peer: TF-IDF (word 1-2 grams, sublinear tf, min_df 2) + LinearSVC with C=1, the configuration of
the datasets README. Usage: sklearn_svm.py <train_dir> <test_dir>. Training time covers fitting
the vectorizer and the SVM; throughput covers vectorizing and predicting the test set."""
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from peer_common import read_tree, report


def main(train_dir, test_dir):
    train_texts, train_labels = read_tree(train_dir)
    test_texts, test_labels = read_tree(test_dir)

    started = time.perf_counter()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    model = LinearSVC(C=1.0)
    model.fit(vectorizer.fit_transform(train_texts), train_labels)
    train_seconds = time.perf_counter() - started

    started = time.perf_counter()
    predicted = list(model.predict(vectorizer.transform(test_texts)))
    predict_seconds = time.perf_counter() - started

    report(test_labels, predicted, train_seconds, predict_seconds)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: sklearn_svm.py <train_dir> <test_dir>')
    main(sys.argv[1], sys.argv[2])
