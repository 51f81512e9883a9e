package dev.candor.core.similar;

import dev.candor.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds near-duplicate questions, locally and in near-linear time.
 *
 * <p>Each text becomes a bag of stemmed words ({@link TextNormalizer}) weighted by rarity (TF-IDF,
 * so "office" counts for less than "parking" when every other question mentions the office). Two
 * texts are similar when the cosine of their weighted bags reaches the threshold. {@link #nearest}
 * scores one text against all through an inverted index; {@link #cluster} finds candidate pairs
 * with MinHash signatures and LSH banding ({@link MinHashLsh}), verifies each candidate with the
 * exact cosine, and joins verified pairs with union-find, so it never compares all pairs.
 *
 * <p>Immutable once built; build one per use (it is cheap: 20,000 questions take well under a
 * second).
 */
public final class SimilarIndex {
  /** Cosine of TF-IDF word bags at and above which two questions count as near-duplicates. */
  public static final double DEFAULT_THRESHOLD = 0.35;

  private final double threshold;
  private final Map<String, Integer> dictionary = new HashMap<>();
  private final int[] documentFrequency;
  private final int[][] terms;
  private final float[][] weights;
  private final int[][] postings;

  private SimilarIndex(List<String> texts, double threshold) {
    Checks.check(threshold > 0 && threshold <= 1, "threshold must be in (0, 1]");
    this.threshold = threshold;
    int n = texts.size();
    this.terms = new int[n][];
    int[][] counts = new int[n][];
    int[] df = new int[64];
    for (int i = 0; i < n; i++) {
      List<String> tokens = TextNormalizer.tokens(texts.get(i));
      int[] raw = new int[tokens.size()];
      for (int k = 0; k < raw.length; k++) {
        raw[k] = dictionary.computeIfAbsent(tokens.get(k), t -> dictionary.size());
      }
      Arrays.sort(raw);
      int distinct = 0;
      for (int k = 0; k < raw.length; k++) {
        distinct += k == 0 || raw[k] != raw[k - 1] ? 1 : 0;
      }
      terms[i] = new int[distinct];
      counts[i] = new int[distinct];
      for (int k = 0, d = -1; k < raw.length; k++) {
        if (k == 0 || raw[k] != raw[k - 1]) {
          terms[i][++d] = raw[k];
          if (raw[k] >= df.length) {
            df = Arrays.copyOf(df, Math.max(df.length * 2, raw[k] + 1));
          }
          df[raw[k]]++;
        }
        counts[i][d]++;
      }
    }
    this.documentFrequency = Arrays.copyOf(df, dictionary.size());
    this.weights = new float[n][];
    for (int i = 0; i < n; i++) {
      weights[i] = vector(terms[i], counts[i]);
    }
    this.postings = postings(terms, documentFrequency);
  }

  /** An index of {@code texts}, addressed by their position in the list. */
  public static SimilarIndex of(List<String> texts) {
    return of(texts, DEFAULT_THRESHOLD);
  }

  /** An index of {@code texts} with another similarity threshold. */
  public static SimilarIndex of(List<String> texts, double threshold) {
    return new SimilarIndex(Checks.notNull(texts, "texts"), threshold);
  }

  /** A text of the index and how similar it is to what was looked up. */
  public record Match(int index, double score) {}

  public int size() {
    return terms.length;
  }

  public double threshold() {
    return threshold;
  }

  /** The cosine similarity of texts {@code a} and {@code b}, from 0 to 1. */
  public double similarity(int a, int b) {
    return dot(terms[a], weights[a], terms[b], weights[b]);
  }

  /**
   * The texts at least {@link #threshold()} similar to {@code text}, most similar first, at most
   * {@code limit} of them. Words the index has never seen count as rare.
   */
  public List<Match> nearest(String text, int limit) {
    Map<Integer, Integer> counts = new HashMap<>();
    int unseen = -1;
    for (String token : TextNormalizer.tokens(text)) {
      Integer id = dictionary.get(token);
      counts.merge(id == null ? unseen-- : id, 1, Integer::sum);
    }
    if (counts.isEmpty()) {
      return List.of();
    }
    int[] ids = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    int[] tf = Arrays.stream(ids).map(counts::get).toArray();
    float[] w = vector(ids, tf);
    double[] scores = new double[size()];
    List<Integer> touched = new ArrayList<>();
    for (int t = 0; t < ids.length; t++) {
      if (ids[t] < 0) {
        continue;
      }
      for (int doc : postings[ids[t]]) {
        if (scores[doc] == 0) {
          touched.add(doc);
        }
        scores[doc] += w[t] * weightOf(doc, ids[t]);
      }
    }
    List<Match> matches = new ArrayList<>();
    for (int doc : touched) {
      if (scores[doc] >= threshold - 1e-9) {
        matches.add(new Match(doc, Math.min(1.0, scores[doc])));
      }
    }
    matches.sort(
        (x, y) ->
            x.score() != y.score()
                ? Double.compare(y.score(), x.score())
                : Integer.compare(x.index(), y.index()));
    return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
  }

  /**
   * Groups the texts into clusters of near-duplicates: MinHash and LSH propose candidate pairs, the
   * exact cosine verifies each, and union-find joins verified pairs, strongest first. A pair joins
   * two clusters only if the clusters as a whole stay alike: the average similarity between their
   * cores (the first {@link #CORE} members of each) must reach {@link #COHESION} of the threshold.
   * Without that check, a chain of pairs that are each similar ("free parking removed", "office
   * plants removed") would tie unrelated questions together.
   */
  public Clustering cluster() {
    int n = size();
    LongSet seen = new LongSet();
    List<long[]> edges = new ArrayList<>();
    MinHashLsh.candidatePairs(
        distinctive(),
        (a, b) -> {
          if (seen.add((long) a * n + b)) {
            double s = similarity(a, b);
            if (s >= threshold - 1e-9) {
              edges.add(new long[] {Double.doubleToLongBits(s), a, b});
            }
          }
        });
    edges.sort(
        (x, y) -> {
          int bySimilarity =
              Double.compare(Double.longBitsToDouble(y[0]), Double.longBitsToDouble(x[0]));
          return bySimilarity != 0 ? bySimilarity : Long.compare(x[1] * n + x[2], y[1] * n + y[2]);
        });
    UnionFind groups = new UnionFind(n);
    int[][] cores = new int[n][];
    double guard = threshold * COHESION;
    for (long[] e : edges) {
      int ra = groups.find((int) e[1]);
      int rb = groups.find((int) e[2]);
      if (ra == rb) {
        continue;
      }
      int[] ca = cores[ra] == null ? new int[] {ra} : cores[ra];
      int[] cb = cores[rb] == null ? new int[] {rb} : cores[rb];
      if (ca.length + cb.length > 2 && averageSimilarity(ca, cb) < guard - 1e-9) {
        continue;
      }
      groups.union(ra, rb);
      int[] joined = new int[Math.min(CORE, ca.length + cb.length)];
      int[] first = ca.length >= cb.length ? ca : cb;
      int[] second = first == ca ? cb : ca;
      int k = 0;
      for (int i = 0; i < first.length && k < joined.length; i++) {
        joined[k++] = first[i];
      }
      for (int i = 0; i < second.length && k < joined.length; i++) {
        joined[k++] = second[i];
      }
      cores[groups.find(ra)] = joined;
    }
    return Clustering.of(groups);
  }

  /**
   * The words of each text that LSH hashes: all but those in more than {@link #COMMON_SHARE} of the
   * texts (and in more than {@link #COMMON_MIN}), unless nothing else is left. Words that common
   * weigh little in the cosine anyway, but would put thousands of unrelated texts into shared
   * buckets.
   */
  private int[][] distinctive() {
    int cap = Math.max(COMMON_MIN, (int) (size() * COMMON_SHARE));
    int[][] sets = new int[size()][];
    for (int i = 0; i < sets.length; i++) {
      int[] rare = Arrays.stream(terms[i]).filter(t -> documentFrequency[t] <= cap).toArray();
      sets[i] = rare.length == 0 ? terms[i] : rare;
    }
    return sets;
  }

  static final int COMMON_MIN = 50;
  static final double COMMON_SHARE = 0.01;

  /** How many members of a cluster are compared when deciding whether to join it with another. */
  static final int CORE = 8;

  /** The share of the threshold that two clusters' cores must reach on average to be joined. */
  static final double COHESION = 0.9;

  private double averageSimilarity(int[] a, int[] b) {
    double sum = 0;
    for (int x : a) {
      for (int y : b) {
        sum += similarity(x, y);
      }
    }
    return sum / (a.length * b.length);
  }

  private float[] vector(int[] ids, int[] tf) {
    float[] w = new float[ids.length];
    double norm = 0;
    int n = Math.max(1, size());
    for (int i = 0; i < ids.length; i++) {
      int df = ids[i] >= 0 && ids[i] < documentFrequency.length ? documentFrequency[ids[i]] : 0;
      double idf = Math.log(1.0 + (double) n / Math.max(1, df));
      w[i] = (float) ((1 + Math.log(tf[i])) * idf);
      norm += (double) w[i] * w[i];
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < w.length; i++) {
        w[i] *= inv;
      }
    }
    return w;
  }

  private float weightOf(int doc, int term) {
    int at = Arrays.binarySearch(terms[doc], term);
    return at < 0 ? 0 : weights[doc][at];
  }

  private static double dot(int[] ta, float[] wa, int[] tb, float[] wb) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] == tb[j]) {
        sum += wa[i++] * wb[j++];
      } else if (ta[i] < tb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, sum);
  }

  private static int[][] postings(int[][] terms, int[] df) {
    int[][] postings = new int[df.length][];
    int[] fill = new int[df.length];
    for (int t = 0; t < df.length; t++) {
      postings[t] = new int[df[t]];
    }
    for (int doc = 0; doc < terms.length; doc++) {
      for (int t : terms[doc]) {
        postings[t][fill[t]++] = doc;
      }
    }
    return postings;
  }
}
