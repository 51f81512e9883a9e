package dev.candor.core.similar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clusters of near-duplicates among indexed texts: every text belongs to exactly one cluster,
 * most to a cluster of one.
 */
public final class Clustering {
  private final int[] clusterOf;
  private final List<List<Integer>> clusters;

  private Clustering(int[] clusterOf, List<List<Integer>> clusters) {
    this.clusterOf = clusterOf;
    this.clusters = clusters;
  }

  static Clustering of(UnionFind groups) {
    int n = groups.size();
    int[] clusterOf = new int[n];
    Map<Integer, Integer> byRoot = new HashMap<>();
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int root = groups.find(i);
      Integer c = byRoot.get(root);
      if (c == null) {
        c = clusters.size();
        byRoot.put(root, c);
        clusters.add(new ArrayList<>());
      }
      clusters.get(c).add(i);
      clusterOf[i] = c;
    }
    return new Clustering(clusterOf, clusters.stream().map(List::copyOf).toList());
  }

  /** How many texts were clustered. */
  public int size() {
    return clusterOf.length;
  }

  /** The number of the cluster text {@code i} belongs to. */
  public int clusterOf(int i) {
    return clusterOf[i];
  }

  /** The texts in the cluster of text {@code i}, itself included, in index order. */
  public List<Integer> membersWith(int i) {
    return clusters.get(clusterOf[i]);
  }

  /** Every cluster of two or more texts, each in index order, ordered by their first text. */
  public List<List<Integer>> groups() {
    return clusters.stream().filter(c -> c.size() > 1).toList();
  }

  /** Every cluster, singletons included. */
  public List<List<Integer>> all() {
    return clusters;
  }
}
